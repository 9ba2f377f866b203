package dev.packguard.app.gui;

import dev.packguard.app.cli.VersionProvider;
import dev.packguard.app.config.ConfigDraft;
import dev.packguard.app.demo.DemoStation;
import dev.packguard.app.gui.input.CameraInput;
import dev.packguard.app.gui.input.ImageInput;
import dev.packguard.app.gui.input.SerialInput;
import dev.packguard.app.gui.input.WedgeFilter;
import dev.packguard.app.gui.main.MainView;
import dev.packguard.app.gui.main.MainViewModel;
import dev.packguard.app.gui.packing.PackingView;
import dev.packguard.app.gui.packing.PackingViewModel;
import dev.packguard.app.gui.packing.Sounds;
import dev.packguard.app.gui.returns.ReturnsView;
import dev.packguard.app.gui.returns.ReturnsViewModel;
import dev.packguard.app.gui.settings.SettingsView;
import dev.packguard.app.gui.settings.SettingsViewModel;
import dev.packguard.app.gui.verdict.LedgerLine;
import dev.packguard.app.station.DataDirectories;
import dev.packguard.app.station.FirstStart;
import dev.packguard.app.station.StationServices;
import dev.packguard.app.station.input.ImageScans;
import dev.packguard.app.station.input.SerialLink;
import dev.packguard.app.station.input.WedgeTiming;
import dev.packguard.app.station.packing.PackingStation;
import dev.packguard.app.station.publish.Publisher;
import dev.packguard.app.station.returns.LedgerReturnVerifier;
import dev.packguard.app.station.returns.ReturnsSession;
import dev.packguard.node.demo.DemoWorld;
import java.io.IOException;
import dev.packguard.scanner.image.ImageDecoder;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The JavaFX application: one stage showing the station's main view, the settings screen and,
 * when configured, the packing screen. Saving the settings or opening the demo restarts the
 * station's services in the same window.
 */
public final class StationApplication extends Application implements SettingsViewModel.Station {
    public static final String TITLE = "PackGuard — verification station";

    /** The size of the demo world "Open the demo" creates; tests make a smaller one. */
    long demoUnits = DemoWorld.DEFAULT_UNITS;
    private Stage stage;
    private String version;
    private DataDirectories dirs;
    private volatile Optional<DemoStation> demoStation = Optional.empty();
    private volatile StationServices services;
    private MainViewModel viewModel;
    private final TaskExecutor executor = TaskExecutor.background("packguard-station");
    // Decoding a photo takes a while; on its own thread it never holds up a scan's verification.
    private final TaskExecutor images = TaskExecutor.background("packguard-images");
    private volatile PackingStation packing;
    private volatile Publisher publisher;
    private volatile Sounds sounds;
    // Set when the window closes: work still finishing on the worker must not open screens or start more work.
    private volatile boolean stopped;
    private PackingViewModel packingViewModel;
    private ReturnsViewModel returnsViewModel;
    private SerialInput serial;
    private CameraInput camera;

    @Override
    public void start(Stage stage) {
        Optional<Path> config = Optional.ofNullable(getParameters().getNamed().get("config")).map(Path::of);
        boolean demo = Boolean.parseBoolean(getParameters().getNamed().get("demo"));
        openWindow(stage, DataDirectories.forCurrentUser(), config, demo);
    }

    /**
     * Opens the station on {@code stage}: with {@code config}, or else station.json in
     * {@code dirs}; without either (a first start) on the settings screen, which offers the
     * demo. {@code demo} (from {@code packguard demo}) signs in the demo operator and opens the
     * first demo order; never set for a real configuration.
     */
    void openWindow(Stage stage, DataDirectories dirs, Optional<Path> config, boolean demo) {
        this.stage = stage;
        this.dirs = dirs;
        this.version = VersionProvider.version();
        boolean firstStart = config.isEmpty() && !Files.isRegularFile(dirs.stationConfig());
        if (firstStart) {
            // The folders are made with the settings screen, on the worker thread.
            viewModel = new MainViewModel(version, "No station configuration",
                    Optional.of(FirstStart.instructions(dirs, Optional.empty())), Optional.empty(), Platform::runLater);
            opened(dirs.stationConfig(), demo, true, Optional.empty());
            return;
        }
        startOn(config.orElse(dirs.stationConfig()), demo);
    }

    /**
     * Shows the window at once saying "Preparing the ledger…" and opens the station on
     * {@code config} on the worker thread (opening the mirror can take minutes after an update
     * that rebuilds its index, with the progress shown), then its screens. When the launcher began
     * opening this configuration before the toolkit started ({@link EarlyStart}), the worker
     * waits for that instead.
     */
    private void startOn(Path config, boolean demo) {
        MainViewModel shell = MainViewModel.preparing(version, "Configuration: " + config, Platform::runLater);
        Consumer<String> progress = text -> Platform.runLater(() -> shell.preparing(text));
        Optional<CompletableFuture<StationOpening.Opened>> early = EarlyStart.take(config, demo, progress);
        if (early.isPresent() && early.get().isDone()) {
            // Opened while the toolkit started: straight to the station's own window.
            shell.dispose();
            Started next = started(config, early.get().join());
            viewModel = next.shell();
            opened(config, demo, false, next.packing());
            return;
        }
        viewModel = shell;
        show(stage, shell);
        executor.run(() -> started(config, early.map(CompletableFuture::join)
                .orElseGet(() -> StationOpening.open(config, demo, Clock.systemUTC(), progress))), next -> {
            if (stopped) {
                return;
            }
            shell.dispose();
            viewModel = next.shell();
            opened(config, demo, false, next.packing());
        });
    }

    // The window for the configuration just loaded: packing (then settings) when the station runs, else settings.
    private void opened(Path config, boolean demo, boolean firstStart, Optional<StationOpening.Packing> opening) {
        MainView main = show(stage, viewModel);
        ImageScans reader = new ImageScans(new ImageDecoder()); // used on the images thread only
        main.addInput(new ImageInput(images, () -> reader, main::scan, main::notice).install(stage.getScene()).openButton());
        if (services != null) {
            CameraInput.settings(services.config().input()).ifPresent(settings -> {
                camera = CameraInput.start(settings, main::scan, Platform::runLater);
                main.addInput(camera.status());
            });
        }
        if (services != null && services.config().input().serialPort().isPresent()) {
            serial = SerialInput.start(services.config().input().serialPort().get(), services.config().input().serialBaud(),
                    SerialLink.RETRY, main::scan, Platform::runLater);
            main.addInput(serial.status());
        }
        if (services != null && opening.isPresent()) {
            openPacking(stage.getScene(), main, services, opening.get(), config);
            services.syncSoon(); // after the screens: the start-up does not wait for the network
        } else {
            addSettings(main, config, firstStart, Optional.of(viewModel.workAreaHintProperty().get()));
        }
    }

    // What the settings screen opens with: the form's values and the line above it.
    private record SettingsStart(ConfigDraft draft, String notice) {
    }

    // The configuration file is read (and on a first start the folders made) on the worker thread.
    private void addSettings(MainView main, Path config, boolean firstStart, Optional<String> problem) {
        executor.run(() -> settingsStart(config, firstStart, problem), start -> {
            if (stopped) {
                return;
            }
            SettingsViewModel settings = new SettingsViewModel(start.draft(), config, start.notice(), firstStart, executor,
                    Platform::runLater, this);
            main.addScreen(new MainView.Screen("settings", "Settings", javafx.scene.input.KeyCode.F8,
                    ViewLoader.load(SettingsView.class, type -> new SettingsView(settings)), Optional.empty()));
            if (problem.isPresent() && !firstStart) {
                settings.check();
            }
        });
    }

    private SettingsStart settingsStart(Path config, boolean firstStart, Optional<String> problem) {
        if (firstStart) {
            return new SettingsStart(ConfigDraft.defaults(dirs.mirror()), FirstStart.welcome(dirs, dirs.create()));
        }
        ConfigDraft draft;
        try {
            draft = ConfigDraft.fromJson(Files.readString(config)).withDefaults();
        } catch (IOException e) {
            draft = ConfigDraft.defaults(dirs.mirror());
        }
        return new SettingsStart(draft, problem.orElse("Saving checks every setting and the files it names, writes "
                + config + " and restarts the station on it; an order being packed and not yet sealed is closed."));
    }

    /** Restarts the station on {@code config} in this window: the running services stop first, off the FX thread. */
    @Override
    public void switchTo(Path config, boolean demo) {
        viewModel.dispose();
        if (packingViewModel != null) {
            packingViewModel.dispose();
            packingViewModel = null;
        }
        if (returnsViewModel != null) {
            returnsViewModel.dispose();
            returnsViewModel = null;
        }
        if (serial != null) {
            serial.close();
            serial = null;
        }
        if (camera != null) {
            camera.close();
            camera = null;
        }
        executor.run(this::closeStation, stuck -> {
            if (stuck.isPresent()) {
                viewModel = new MainViewModel(version, "Configuration: " + config, Optional.of("The station could not be "
                        + "stopped cleanly (" + stuck.get() + "). Close PackGuard and start it again."), Optional.empty(),
                        Platform::runLater);
                opened(config, demo, false, Optional.empty());
                return;
            }
            startOn(config, demo);
        });
    }

    /** Creates the demo world in the data directory when missing and serves it (worker thread). */
    @Override
    public Path openDemo(Consumer<String> progress) throws IOException {
        demoStation.ifPresent(DemoStation::close);
        demoStation = Optional.empty();
        DemoStation demo = DemoStation.open(dirs.demo(), demoUnits, Clock.systemUTC(), progress);
        demoStation = Optional.of(demo);
        return demo.stationConfig();
    }

    // Worker thread (or the FX thread as the station ends). What could not be closed, if anything.
    private Optional<String> closeStation() {
        try {
            if (publisher != null) {
                publisher.close();
            }
            if (packing != null) {
                packing.close();
            }
            if (services != null) {
                services.close();
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(e.getMessage());
        } finally {
            publisher = null;
            packing = null;
            services = null;
        }
    }

    // The shell for the opened station, and its packing side when the services run.
    private record Started(MainViewModel shell, Optional<StationOpening.Packing> packing) {
    }

    // Worker thread: keeps what was opened (for stop() to close) and builds the shell.
    private Started started(Path config, StationOpening.Opened opened) {
        if (opened.startup() instanceof StationStartup.Problem p) {
            return new Started(new MainViewModel(version, "Configuration: " + config, Optional.of(p.message()),
                    Optional.empty(), Platform::runLater), Optional.empty());
        }
        StationStartup.Started ok = (StationStartup.Started) opened.startup();
        services = ok.services();
        opened.packing().flatMap(StationOpening.Packing::station).ifPresent(p -> {
            packing = p.station();
            sounds = p.sounds();
            publisher = p.publisher();
        });
        return new Started(new MainViewModel(version, ok.title(), Optional.empty(), Optional.of(ok.services().monitor()),
                Platform::runLater), opened.packing());
    }

    // The audit chain was checked and the sound clips loaded (they probe the audio devices) while
    // the station opened, off the FX thread. The rules warm up (seconds of JIT compiling) once the
    // screen takes scans, while the operator signs in.
    private void openPacking(Scene scene, MainView main, StationServices s, StationOpening.Packing opened, Path config) {
        if (opened.problem().isPresent()) {
            addSettings(main, config, false, opened.problem());
            return;
        }
        StationOpening.PackingParts parts = opened.station().orElseThrow();
        viewModel.watchPublishing(parts.publisher());
        parts.publisher().watch(s.monitor());
        parts.publisher().syncAfterPublishing(s.monitor(), s.monitor()::syncNow);
        packingViewModel = new PackingViewModel(parts.station().session(), s.monitor(), executor, parts.sounds(),
                parts.station()::queue, parts.station().auditExporter(), Platform::runLater);
        attachPacking(scene, main, packingViewModel, new WedgeTiming(s.config().input().wedgeMaxGap(),
                WedgeTiming.defaults().minLength(), true, true));
        ReadyMarker.signal(executor);
        opened.warmUp().thenAccept(task -> daemon("packguard-warm-up", () -> {
            task.run();
            parts.publisher().nudge();
        }).start());
        // Returns (F6) is opened on the worker too; the shell keeps the tabs in key order.
        openReturns(main, s, parts.sounds(), () -> {
            main.addScreen(dev.packguard.app.gui.audit.AuditView.screen(new dev.packguard.app.gui.audit.AuditViewModel(
                    parts.station().audit(), parts.station().auditExporter(), executor)));
            addSettings(main, config, false, Optional.empty());
            List<LedgerLine> lines = returnsViewModel == null ? List.of(packingViewModel.ledgerLine())
                    : List.of(packingViewModel.ledgerLine(), returnsViewModel.ledgerLine());
            attachPharmacist(main, viewModel, lines, parts.station().staleLedgerOverride(),
                    parts.station().undoDesk(), s.monitor(), executor);
            parts.demoOrder().ifPresent(order -> packingViewModel.startDemo(DemoStation.OPERATOR, order));
        });
    }

    private static Thread daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    // The returns bench shares packing's audit log and outbox, and its operator until someone signs in at the bench.
    private void openReturns(MainView main, StationServices s, Sounds sounds, Runnable then) {
        PackingStation station = packing; // this station's files, even if a restart replaces the field later
        executor.run(() -> {
            try {
                ReturnsSession returns = ReturnsSession.start(ReturnsSession.Parts.forStation(station.settings(),
                        s.monitor(), LedgerReturnVerifier.forStation(s.config(), s.store(), Clock.systemUTC()),
                        station.audit(), station.outbox(), () -> station.session().snapshot().operator(),
                        Clock.systemUTC()));
                returns.allowStaleLedger(station.staleLedgerOverride()); // one override for the whole station
                returns.useOperators(station.session().operators()); // one roster for the whole station
                return Optional.of(returns);
            } catch (RuntimeException e) {
                return Optional.<ReturnsSession>empty(); // packing works on; the Returns tab is missing
            }
        }, session -> {
            if (stopped) {
                return;
            }
            session.ifPresent(r -> {
                returnsViewModel = new ReturnsViewModel(r, s.monitor(), executor, sounds, Platform::runLater);
                attachReturns(main, returnsViewModel);
            });
            then.run();
        });
    }

    /**
     * Adds the pharmacist screen (F11: undo, stale-ledger override) to {@code main}, and lets the
     * shell's ledger pill and every screen's ledger line in {@code lines} (packing, returns) show
     * an override in force: one override for the whole station. {@code executor} must be the
     * packing session's.
     */
    public static void attachPharmacist(MainView main, MainViewModel shell, List<LedgerLine> lines,
            dev.packguard.app.station.pharmacist.StaleLedgerOverride override,
            dev.packguard.app.station.pharmacist.UndoDesk desk, dev.packguard.app.station.LedgerFeed ledger,
            TaskExecutor executor) {
        shell.noteLedger(override::describe);
        lines.forEach(line -> line.noteOverride(override::describe));
        main.addScreen(dev.packguard.app.gui.pharmacist.PharmacistView.screen(
                new dev.packguard.app.gui.pharmacist.PharmacistViewModel(desk, override, ledger, executor,
                        Platform::runLater, () -> {
                            shell.refreshLedger();
                            lines.forEach(LedgerLine::refresh);
                        })));
    }

    @Override
    public void stop() throws Exception {
        stopped = true;
        if (viewModel != null) {
            viewModel.dispose();
        }
        if (packingViewModel != null) {
            packingViewModel.dispose();
        }
        if (returnsViewModel != null) {
            returnsViewModel.dispose();
        }
        executor.close();
        images.close();
        if (serial != null) {
            serial.close();
        }
        if (camera != null) {
            camera.close();
        }
        // The same closing as a restart's; the station is ending, so a problem is only reported.
        closeStation().ifPresent(problem -> System.err.println("packguard: the station did not close cleanly: " + problem));
        demoStation.ifPresent(DemoStation::close);
        EarlyStart.discardPending();
    }

    /** Builds the scene for {@code viewModel} on {@code stage} and shows it; tests call this too. */
    public static MainView show(Stage stage, MainViewModel viewModel) {
        MainView main = new MainView(viewModel);
        Scene scene = new Scene(ViewLoader.load(MainView.class, type -> main), 1200, 800);
        stage.setTitle(TITLE);
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        var icon = StationApplication.class.getResource("/packguard/icons/packguard-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon.toExternalForm(), true)); // decoded in the background
        }
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
        return main;
    }

    /**
     * Puts the packing screen for {@code packing} in {@code main}'s work area and captures
     * keyboard-wedge scans anywhere in {@code scene} for it.
     */
    public static void attachPacking(Scene scene, MainView main, PackingViewModel packing, WedgeTiming timing) {
        attachPacking(scene, main, packing, timing, System::nanoTime);
    }

    /** As {@link #attachPacking(Scene, MainView, PackingViewModel, WedgeTiming)}, key times from {@code nanoClock}. */
    public static void attachPacking(Scene scene, MainView main, PackingViewModel packing, WedgeTiming timing,
            java.util.function.LongSupplier nanoClock) {
        main.addScreen(new MainView.Screen("packing", "Packing", javafx.scene.input.KeyCode.F5,
                ViewLoader.load(PackingView.class, type -> new PackingView(packing)), Optional.of(packing::scan)));
        main.bindOperator(packing.operatorProperty());
        WedgeFilter.install(scene, timing, nanoClock, main::scan);
    }

    /** Adds the returns screen for {@code returns} to {@code main} (F6); scans go to it while it is shown. */
    public static void attachReturns(MainView main, ReturnsViewModel returns) {
        main.addScreen(new MainView.Screen("returns", "Returns", javafx.scene.input.KeyCode.F6,
                ViewLoader.load(ReturnsView.class, type -> new ReturnsView(returns)), Optional.of(returns::scan)));
    }
}

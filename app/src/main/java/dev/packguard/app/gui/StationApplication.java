package dev.packguard.app.gui;

import dev.packguard.app.cli.VersionProvider;
import dev.packguard.app.gui.input.WedgeFilter;
import dev.packguard.app.gui.main.MainView;
import dev.packguard.app.gui.main.MainViewModel;
import dev.packguard.app.gui.packing.PackingView;
import dev.packguard.app.gui.packing.PackingViewModel;
import dev.packguard.app.gui.packing.Sounds;
import dev.packguard.app.station.DataDirectories;
import dev.packguard.app.station.FirstStart;
import dev.packguard.app.station.LedgerMonitor;
import dev.packguard.app.station.StationServices;
import dev.packguard.app.station.StationSetup;
import dev.packguard.app.station.input.WedgeTiming;
import dev.packguard.app.station.packing.PackingStation;
import dev.packguard.ledger.mirror.MirrorStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: one stage showing the station's main view and, when configured, the packing screen. */
public final class StationApplication extends Application {
    public static final String TITLE = "PackGuard — verification station";

    private StationServices services;
    private MainViewModel viewModel;
    private final TaskExecutor executor = TaskExecutor.background("packguard-station");
    private volatile PackingStation packing;
    private PackingViewModel packingViewModel;

    @Override
    public void start(Stage stage) {
        Optional<Path> config = Optional.ofNullable(getParameters().getNamed().get("config")).map(Path::of);
        String version = VersionProvider.version();
        if (config.isPresent()) {
            viewModel = configured(version, config.get());
        } else {
            viewModel = fromDataDirectories(version, DataDirectories.forCurrentUser());
        }
        MainView main = show(stage, viewModel);
        if (services != null) {
            openPacking(stage.getScene(), main, services);
        }
    }

    /**
     * Without --config (the menu entry, a double click) the station uses station.json from the
     * user's configuration directory; without one it shows where to put it.
     */
    MainViewModel fromDataDirectories(String version, DataDirectories dirs) {
        if (Files.isRegularFile(dirs.stationConfig())) {
            return configured(version, dirs.stationConfig());
        }
        Optional<String> problem = dirs.create();
        return new MainViewModel(version, "No station configuration", Optional.of(FirstStart.instructions(dirs, problem)),
                Optional.empty(), Platform::runLater);
    }

    private MainViewModel configured(String version, Path config) {
        String label = "Configuration: " + config;
        StationSetup.Result setup = StationSetup.load(config);
        if (setup instanceof StationSetup.Problem p) {
            return new MainViewModel(version, label, Optional.of(p.message()), Optional.empty(), Platform::runLater);
        }
        StationSetup.Ready ready = (StationSetup.Ready) setup;
        try {
            services = StationServices.start(ready.config(), ready.policy(), Clock.systemUTC());
        } catch (MirrorStoreException e) {
            return new MainViewModel(version, label, Optional.of(e.getMessage()), Optional.empty(), Platform::runLater);
        }
        Optional<LedgerMonitor> monitor = Optional.of(services.monitor());
        return new MainViewModel(version, ready.config().station().name() + " · " + ready.config().station().pharmacyName(),
                Optional.empty(), monitor, Platform::runLater);
    }

    // The audit check walks the whole chain: done on the worker thread, the screen appears when it is done.
    private void openPacking(Scene scene, MainView main, StationServices s) {
        executor.run(() -> {
            try {
                packing = PackingStation.open(s.config(), s.monitor(),
                        PackingStation.verifierFor(s.config(), s.store(), Clock.systemUTC()), Clock.systemUTC());
                return Optional.<String>empty();
            } catch (Exception e) {
                return Optional.of("The packing station cannot start: " + e.getMessage());
            }
        }, problem -> {
            if (problem.isPresent()) {
                main.showWork(new javafx.scene.control.Label(problem.get()));
                return;
            }
            Sounds sounds = s.config().sounds() ? Sounds.clips() : Sounds.off();
            packingViewModel = new PackingViewModel(packing.session(), s.monitor(), executor, sounds, packing::queue,
                    packing.auditExporter(), Platform::runLater);
            attachPacking(scene, main, packingViewModel, new WedgeTiming(s.config().input().wedgeMaxGap(),
                    WedgeTiming.defaults().minLength(), true, true));
            main.addScreen(dev.packguard.app.gui.audit.AuditView.screen(new dev.packguard.app.gui.audit.AuditViewModel(
                    packing.audit(), packing.auditExporter(), executor)));
            attachPharmacist(main, viewModel, packingViewModel, packing.staleLedgerOverride(), packing.undoDesk(),
                    s.monitor(), executor);
        });
    }

    /**
     * Adds the pharmacist screen (F11: undo, stale-ledger override) to {@code main}, and lets both
     * ledger pills show an override in force. {@code executor} must be the packing session's.
     */
    public static void attachPharmacist(MainView main, MainViewModel shell, PackingViewModel packingView,
            dev.packguard.app.station.pharmacist.StaleLedgerOverride override,
            dev.packguard.app.station.pharmacist.UndoDesk desk, dev.packguard.app.station.LedgerFeed ledger,
            TaskExecutor executor) {
        shell.noteLedger(override::describe);
        packingView.noteLedger(override::describe);
        main.addScreen(dev.packguard.app.gui.pharmacist.PharmacistView.screen(
                new dev.packguard.app.gui.pharmacist.PharmacistViewModel(desk, override, ledger, executor,
                        Platform::runLater, () -> {
                            shell.refreshLedger();
                            packingView.refreshLedger();
                        })));
    }

    @Override
    public void stop() throws Exception {
        if (viewModel != null) {
            viewModel.dispose();
        }
        if (packingViewModel != null) {
            packingViewModel.dispose();
        }
        executor.close();
        if (packing != null) {
            packing.close();
        }
        if (services != null) {
            services.close();
        }
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
            stage.getIcons().add(new Image(icon.toExternalForm()));
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
}

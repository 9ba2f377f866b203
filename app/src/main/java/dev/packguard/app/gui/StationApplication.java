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
import dev.packguard.app.station.StationServices;
import dev.packguard.app.station.input.WedgeTiming;
import dev.packguard.app.station.packing.PackingStation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    private volatile Sounds sounds;
    private PackingViewModel packingViewModel;

    @Override
    public void start(Stage stage) {
        Optional<Path> config = Optional.ofNullable(getParameters().getNamed().get("config")).map(Path::of);
        open(stage, VersionProvider.version(), config, DataDirectories.forCurrentUser());
    }

    /**
     * Shows the window at once. Without {@code config} (the menu entry, a double click) the station
     * uses station.json from the user's configuration directory; without one it shows where to put
     * it. A configured station starts on the worker thread (opening the mirror can take minutes
     * after an update), the window saying "Preparing the ledger…" meanwhile.
     */
    void open(Stage stage, String version, Optional<Path> config, DataDirectories dirs) {
        Optional<Path> file = config.or(() -> Files.isRegularFile(dirs.stationConfig())
                ? Optional.of(dirs.stationConfig()) : Optional.empty());
        if (file.isEmpty()) {
            Optional<String> problem = dirs.create();
            viewModel = new MainViewModel(version, "No station configuration",
                    Optional.of(FirstStart.instructions(dirs, problem)), Optional.empty(), Platform::runLater);
            show(stage, viewModel);
            return;
        }
        MainViewModel shell = MainViewModel.preparing(version, "Configuration: " + file.get(), Platform::runLater);
        viewModel = shell;
        MainView main = show(stage, shell);
        executor.run(() -> StationStartup.start(file.get(), Clock.systemUTC(),
                text -> Platform.runLater(() -> shell.preparing(text))), result -> {
                    if (result instanceof StationStartup.Problem p) {
                        shell.failed(p.message());
                        return;
                    }
                    StationStartup.Started started = (StationStartup.Started) result;
                    services = started.services();
                    shell.ready(started.title(), services.monitor());
                    shell.preparing("Opening the packing station\u2026");
                    openPacking(stage.getScene(), main, services);
                });
    }

    // The audit check walks the whole chain: done on the worker thread, the screen appears when it is done.
    // Loading the sound clips probes the audio devices and reads files: worker thread too. The rules
    // warm up (seconds of JIT compiling) once the screen takes scans, while the operator signs in.
    private void openPacking(Scene scene, MainView main, StationServices s) {
        CompletableFuture<Runnable> warmUp = new CompletableFuture<>();
        executor.run(() -> {
            try {
                packing = PackingStation.open(s.config(), s.monitor(),
                        PackingStation.verifierFor(s.config(), s.store(), Clock.systemUTC(), warmUp::complete),
                        Clock.systemUTC());
                sounds = s.config().sounds() ? Sounds.clips() : Sounds.off();
                return Optional.<String>empty();
            } catch (Exception e) {
                return Optional.of("The packing station cannot start: " + e.getMessage());
            }
        }, problem -> {
            if (problem.isPresent()) {
                main.showWork(new javafx.scene.control.Label(problem.get()));
                return;
            }
            packingViewModel = new PackingViewModel(packing.session(), s.monitor(), executor, sounds, packing::queue,
                    packing.auditExporter(), Platform::runLater);
            attachPacking(scene, main, packingViewModel, new WedgeTiming(s.config().input().wedgeMaxGap(),
                    WedgeTiming.defaults().minLength(), true, true));
            ReadyMarker.signal(executor);
            warmUp.thenAccept(task -> daemon("packguard-warm-up", task).start());
        });
    }

    private static Thread daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
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
}

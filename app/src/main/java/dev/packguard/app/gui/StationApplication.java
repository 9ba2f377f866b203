package dev.packguard.app.gui;

import dev.packguard.app.cli.VersionProvider;
import dev.packguard.app.gui.main.MainView;
import dev.packguard.app.gui.main.MainViewModel;
import dev.packguard.app.station.DataDirectories;
import dev.packguard.app.station.FirstStart;
import dev.packguard.app.station.LedgerMonitor;
import dev.packguard.app.station.StationServices;
import dev.packguard.app.station.StationSetup;
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

/** The JavaFX application: one stage showing the station's main view. */
public final class StationApplication extends Application {
    public static final String TITLE = "PackGuard — verification station";

    private StationServices services;
    private MainViewModel viewModel;

    @Override
    public void start(Stage stage) {
        Optional<Path> config = Optional.ofNullable(getParameters().getNamed().get("config")).map(Path::of);
        String version = VersionProvider.version();
        if (config.isPresent()) {
            viewModel = configured(version, config.get());
        } else {
            viewModel = fromDataDirectories(version, DataDirectories.forCurrentUser());
        }
        show(stage, viewModel);
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

    @Override
    public void stop() throws MirrorStoreException {
        if (viewModel != null) {
            viewModel.dispose();
        }
        if (services != null) {
            services.close();
        }
    }

    /** Builds the scene for {@code viewModel} on {@code stage} and shows it; tests call this too. */
    public static void show(Stage stage, MainViewModel viewModel) {
        Scene scene = new Scene(ViewLoader.load(MainView.class, type -> new MainView(viewModel)), 1200, 800);
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
    }
}

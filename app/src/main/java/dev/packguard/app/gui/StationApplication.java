package dev.packguard.app.gui;

import dev.packguard.app.cli.VersionProvider;
import dev.packguard.app.gui.main.MainView;
import dev.packguard.app.gui.main.MainViewModel;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: one stage showing the station's main view. */
public final class StationApplication extends Application {
    public static final String TITLE = "PackGuard — verification station";

    @Override
    public void start(Stage stage) {
        Optional<Path> config = Optional.ofNullable(getParameters().getNamed().get("config")).map(Path::of);
        show(stage, new MainViewModel(VersionProvider.version(), config));
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

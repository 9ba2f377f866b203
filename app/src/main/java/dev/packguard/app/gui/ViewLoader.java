package dev.packguard.app.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * Loads a screen by naming convention: for the controller class {@code XView} it loads
 * {@code XView.fxml} and {@code XView.css} from the same package, plus the shared theme.
 * A missing file fails loudly with its name rather than producing a half-styled screen.
 */
public final class ViewLoader {
    static final String THEME = "/dev/packguard/app/gui/theme.css";

    private ViewLoader() {
    }

    /** Loads the view for {@code viewClass}, creating controllers with {@code controllers}. */
    public static Parent load(Class<?> viewClass, Callback<Class<?>, Object> controllers) {
        URL fxml = required(viewClass, viewClass.getSimpleName() + ".fxml");
        URL css = required(viewClass, viewClass.getSimpleName() + ".css");
        URL theme = ViewLoader.class.getResource(THEME);
        if (theme == null) {
            throw new IllegalStateException("The theme " + THEME + " is missing from the build");
        }
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(controllers);
        try {
            Parent root = loader.load();
            root.getStylesheets().addAll(theme.toExternalForm(), css.toExternalForm());
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxml, e);
        }
    }

    private static URL required(Class<?> viewClass, String name) {
        URL url = viewClass.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing beside " + viewClass.getName()
                    + " (every view needs its .fxml and .css)");
        }
        return url;
    }
}

package dev.packguard.app.gui;

import dev.packguard.app.station.DataDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javafx.application.Application;

/**
 * Starts the JavaFX station. This class must not extend {@link Application}: when the main
 * class is an {@code Application} and JavaFX sits on the classpath (not the module path), the
 * JDK launcher refuses with "JavaFX runtime components are missing".
 */
public final class StationLauncher {
    private StationLauncher() {
    }

    /** {@code mvn -pl app javafx:run} and IDEs start here; arguments as for {@link #launch}. */
    public static void main(String[] args) {
        Application.launch(StationApplication.class, args);
    }

    /**
     * Starts loading the libraries a station needs first, on threads of their own, for the
     * command line to call with its arguments before it parses them when the command is the
     * station window. For exactly {@code gui --config FILE} (or {@code --config=FILE}) naming a
     * readable file, the station also begins to open ({@link EarlyStart}); the window, once
     * picocli has run {@code gui}, takes that opening. Any other arguments: libraries only.
     */
    public static void preload(String... args) {
        StartupPreload.begin();
        configNamedBy(args).filter(Files::isReadable)
                .ifPresent(config -> EarlyStart.begin(config, false, Clock.systemUTC()));
    }

    // The configuration of "gui --config FILE" / "gui --config=FILE", nothing else.
    static Optional<Path> configNamedBy(String... args) {
        try {
            if (args.length == 3 && args[0].equals("gui") && args[1].equals("--config")) {
                return Optional.of(Path.of(args[2]));
            }
            if (args.length == 2 && args[0].equals("gui") && args[1].startsWith("--config=")) {
                return Optional.of(Path.of(args[1].substring("--config=".length())));
            }
        } catch (java.nio.file.InvalidPathException e) {
            // picocli says what is wrong with it
        }
        return Optional.empty();
    }

    /**
     * Opens the station window and blocks until it is closed. {@code config} may be null (the
     * user's station.json, or a first start). The station begins opening before the toolkit starts.
     */
    public static void launch(Path config) {
        StartupPreload.begin();
        Path station = config != null ? config : DataDirectories.forCurrentUser().stationConfig();
        if (Files.isRegularFile(station) && !EarlyStart.begun(station, false)) {
            EarlyStart.begin(station, false, Clock.systemUTC());
        }
        String[] args = config == null ? new String[0]
                : new String[] {"--config=" + config.toAbsolutePath()};
        Application.launch(StationApplication.class, args);
    }

    /**
     * Opens the station window on the demo world's {@code config} (from {@code packguard demo})
     * ready to pack: the demo operator signed in and the first demo order open. Blocks until
     * the window is closed.
     */
    public static void launchDemo(Path config) {
        EarlyStart.begin(config, true, Clock.systemUTC());
        Application.launch(StationApplication.class, "--config=" + config.toAbsolutePath(), "--demo=true");
    }
}

package dev.packguard.app.station;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an installed station keeps its configuration and its data for the current user, in
 * each operating system's own place:
 *
 * <table>
 * <caption>per-user directories</caption>
 * <tr><th>OS</th><th>configuration</th><th>data (ledger mirror, audit log)</th></tr>
 * <tr><td>Linux and other Unix</td><td>{@code $XDG_CONFIG_HOME/packguard}, else
 *     {@code ~/.config/packguard}</td><td>{@code $XDG_DATA_HOME/packguard}, else
 *     {@code ~/.local/share/packguard}</td></tr>
 * <tr><td>macOS</td><td colspan="2">{@code ~/Library/Application Support/PackGuard}</td></tr>
 * <tr><td>Windows</td><td colspan="2">{@code %APPDATA%\PackGuard}, else
 *     {@code ~\AppData\Roaming\PackGuard}</td></tr>
 * </table>
 *
 * <p>The Linux rules are the XDG Base Directory Specification's: a variable that is unset,
 * empty or not an absolute path is ignored. Uninstalling PackGuard never removes these
 * directories; they belong to the user.
 *
 * @param config the directory holding {@link #stationConfig() station.json} and its policy file
 * @param data the directory for what the station writes (the mirror, the audit log)
 */
public record DataDirectories(Path config, Path data) {
    /** The name of the configuration file the station looks for in {@link #config}. */
    public static final String STATION_CONFIG = "station.json";

    /** The operating systems whose conventions differ. */
    public enum OperatingSystem {
        LINUX, MACOS, WINDOWS;

        /** From the {@code os.name} system property; anything not macOS or Windows is treated as Unix. */
        public static OperatingSystem fromOsName(String osName) {
            String name = osName.toLowerCase(Locale.ROOT);
            if (name.startsWith("windows")) {
                return WINDOWS;
            }
            if (name.startsWith("mac") || name.startsWith("darwin")) {
                return MACOS;
            }
            return LINUX;
        }
    }

    public DataDirectories {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
        if (!config.isAbsolute() || !data.isAbsolute()) {
            throw new IllegalArgumentException("directories must be absolute: " + config + ", " + data);
        }
    }

    /** The directories of the user running this JVM, on this operating system. */
    public static DataDirectories forCurrentUser() {
        OperatingSystem os = OperatingSystem.fromOsName(System.getProperty("os.name", ""));
        Map<String, String> env = System.getenv();
        return of(os, env, home(os, env, Path.of(System.getProperty("user.home")).toAbsolutePath()));
    }

    /**
     * The user's home directory: on Linux and macOS {@code $HOME} when it is an absolute path,
     * because the XDG defaults are defined on it and the JDK's {@code user.home} ignores it (it
     * reads the password database); otherwise, and on Windows, {@code userHome}.
     */
    public static Path home(OperatingSystem os, Map<String, String> env, Path userHome) {
        if (os == OperatingSystem.WINDOWS) {
            return userHome;
        }
        return absolute(env, "HOME").orElse(userHome);
    }

    /**
     * The directories for {@code os}, given the environment {@code env} and the user's absolute
     * {@code home} directory. Pure: reads neither the real environment nor the disk.
     */
    public static DataDirectories of(OperatingSystem os, Map<String, String> env, Path home) {
        if (!home.isAbsolute()) {
            throw new IllegalArgumentException("home must be absolute: " + home);
        }
        return switch (os) {
            case LINUX -> new DataDirectories(
                    absolute(env, "XDG_CONFIG_HOME").orElse(home.resolve(".config")).resolve("packguard"),
                    absolute(env, "XDG_DATA_HOME").orElse(home.resolve(".local").resolve("share")).resolve("packguard"));
            case MACOS -> both(home.resolve("Library").resolve("Application Support").resolve("PackGuard"));
            case WINDOWS -> both(absolute(env, "APPDATA").orElse(home.resolve("AppData").resolve("Roaming"))
                    .resolve("PackGuard"));
        };
    }

    /** {@code config/station.json}: the configuration the station uses when started without {@code --config}. */
    public Path stationConfig() {
        return config.resolve(STATION_CONFIG);
    }

    /** {@code data/mirror.db}: where a configuration in {@link #config} should keep the ledger mirror. */
    public Path mirror() {
        return data.resolve("mirror.db");
    }

    /** {@code data/demo}: where {@code packguard demo} and the first-start screen keep the demo world. */
    public Path demo() {
        return data.resolve("demo");
    }

    /**
     * Creates both directories if they are missing, so that the person setting up the station
     * finds the folder the configuration goes in. Empty when they exist afterwards; otherwise
     * what went wrong, to show.
     */
    public Optional<String> create() {
        try {
            Files.createDirectories(config);
            Files.createDirectories(data);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("Cannot create " + config + " and " + data + ": " + e);
        }
    }

    private static DataDirectories both(Path dir) {
        return new DataDirectories(dir, dir);
    }

    // XDG Base Directory Specification: "If an implementation encounters a relative path in
    // any of these variables it should consider the path invalid and ignore it."
    private static Optional<Path> absolute(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(value);
            return path.isAbsolute() ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}

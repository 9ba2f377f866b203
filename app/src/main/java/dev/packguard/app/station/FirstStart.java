package dev.packguard.app.station;

import java.util.Optional;

/**
 * What the station window says when it is started without {@code --config} and finds no
 * {@code station.json} in the per-user configuration directory: where to put one, with the
 * real paths of this user on this operating system, so whoever sets up the station needs no
 * other document to get started; and how to try the demo world instead.
 */
public final class FirstStart {
    private FirstStart() {
    }

    /**
     * The instructions for {@code dirs}; {@code problem} is why the directories could not be
     * created, if they could not (then the person must create them first).
     */
    public static String instructions(DataDirectories dirs, Optional<String> problem) {
        StringBuilder text = new StringBuilder()
                .append("Welcome to PackGuard. This station is not set up yet.\n\n")
                .append("Put the station configuration ").append(DataDirectories.STATION_CONFIG)
                .append(" (format: docs/CONFIGURATION.md) and the policy file it names in\n")
                .append("    ").append(dirs.config()).append("\n")
                .append("and start PackGuard again. Keep the verified ledger copy in the data folder:\n")
                .append("    \"ledger\": {\"mirror\": \"").append(jsonString(dirs.mirror().toString())).append("\", ...}\n\n")
                .append("To use a configuration kept elsewhere, start PackGuard with --config FILE.\n\n")
                .append("To try PackGuard first on a demo pharmacy with its own ledger, run in a terminal:\n")
                .append("    packguard demo");
        problem.ifPresent(p -> text.append("\n\n").append(p));
        return text.toString();
    }

    /**
     * The welcome above the settings screen on a first start: where the settings will be saved,
     * that the mirror belongs in the data folder, and that the demo can be tried instead.
     * {@code problem} is why the directories could not be created, if they could not.
     */
    public static String welcome(DataDirectories dirs, Optional<String> problem) {
        StringBuilder text = new StringBuilder()
                .append("Welcome to PackGuard. This station is not set up yet.\n")
                .append("Fill in the settings below and press Save: they are checked, written to ")
                .append(dirs.stationConfig()).append(" and the station starts on them. ")
                .append("The verified ledger copy (the mirror) is kept in the data folder ").append(dirs.data())
                .append(".\nTo try PackGuard first on a demo pharmacy with its own ledger, press \"Open the demo\" ")
                .append("(the same as running packguard demo): the demo world is created in ").append(dirs.demo())
                .append(" and the station opens on it, ready to pack.");
        problem.ifPresent(p -> text.append("\n\n").append(p));
        return text.toString();
    }

    // Windows paths hold backslashes, which a JSON string must escape.
    private static String jsonString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

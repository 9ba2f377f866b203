package dev.packguard.app.cli;

import java.io.PrintWriter;

/**
 * What a subcommand whose capability is not built yet does: says so on stderr and exits 64.
 * It never prints output that could be mistaken for a real result.
 */
final class NotBuiltYet {
    private NotBuiltYet() {
    }

    static int report(PrintWriter err, String command, String capability) {
        err.println("packguard " + command + ": " + capability + " is not built yet in this version of PackGuard.");
        err.println("Nothing was done. See README.md for what this version can do.");
        return ExitCode.USAGE;
    }
}

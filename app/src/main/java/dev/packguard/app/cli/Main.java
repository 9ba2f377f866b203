package dev.packguard.app.cli;

import picocli.CommandLine;

/**
 * Entry point of the {@code packguard} command line (the launcher script runs this class).
 * It does not extend {@code javafx.application.Application}: started from the classpath such a
 * main class fails with "JavaFX runtime components are missing", so {@code gui} and
 * {@code demo} go through {@link dev.packguard.app.gui.StationLauncher}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("gui") || args[0].equals("demo"))) {
            // The station's libraries load while picocli builds the command line (docs/PERFORMANCE.md "Station").
            dev.packguard.app.gui.StationLauncher.preload();
        }
        System.exit(run(args));
    }

    /** Runs the command line with {@code args} and returns its exit code; never calls exit. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line: usage errors exit 64, unexpected errors 70. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PackGuardCommand());
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("packguard: " + ex.getMessage());
            failed.usage(failed.getErr());
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println("packguard: internal error: " + ex);
            line.getErr().println("This is a bug in PackGuard. Please report it with the command you ran.");
            ex.printStackTrace(line.getErr());
            return ExitCode.SOFTWARE;
        });
        return cli;
    }
}

package dev.packguard.app.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
            // The station's libraries load, and a station named on the command line begins to open,
            // while picocli builds the command line (docs/PERFORMANCE.md "Station").
            dev.packguard.app.gui.StationLauncher.preload(args);
        }
        System.exit(run(args));
    }

    /** Runs the command line with {@code args} and returns its exit code; never calls exit. */
    public static int run(String... args) {
        return commandLineFor(args).execute(args);
    }

    /** The configured picocli command line with every subcommand: usage errors exit 64, unexpected errors 70. */
    public static CommandLine commandLine() {
        return configured(PackGuardCommand.SUBCOMMANDS);
    }

    /**
     * The command line that runs {@code args}: when the first argument names a subcommand, the
     * top-level command with only that one (it parses, runs and fails exactly as in the whole
     * tree, whose other commands it would not use), else the whole tree (help, version, errors).
     */
    static CommandLine commandLineFor(String... args) {
        if (args.length > 0) {
            for (Class<?> command : PackGuardCommand.SUBCOMMANDS) {
                Command named = command.getAnnotation(Command.class);
                if (named.name().equals(args[0]) || List.of(named.aliases()).contains(args[0])) {
                    return configured(List.of(command));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine configured(List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new PackGuardCommand());
        for (Class<?> command : subcommands) {
            cli.addSubcommand(new CommandLine(command));
        }
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

package dev.packguard.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code packguard note}: Work with signed notes (checkpoints). */
@Command(name = "note", mixinStandardHelpOptions = true, description = "Work with signed notes (checkpoints).",
        subcommands = {NoteVerifyCommand.class})
public final class NoteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** A group without its subcommand is a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}

package dev.packguard.app.cli;

import picocli.CommandLine.Command;

/** {@code packguard note}: Work with signed notes (checkpoints). */
@Command(name = "note", mixinStandardHelpOptions = true, description = "Work with signed notes (checkpoints).",
        subcommands = {NoteVerifyCommand.class})
public final class NoteCommand extends CommandGroup {
}

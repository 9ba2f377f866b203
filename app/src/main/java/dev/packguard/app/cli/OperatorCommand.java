package dev.packguard.app.cli;

import picocli.CommandLine.Command;

/** {@code packguard operator}: who may sign in at a station (the operators roster). */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = "Register and list the operators who may sign in at a station (badge or pick-list).",
        subcommands = {OperatorAddCommand.class, OperatorListCommand.class})
public final class OperatorCommand extends CommandGroup {
}

package dev.packguard.app.cli;

import picocli.CommandLine.Command;

/** {@code packguard pharmacist}: who may authorise undo and overrides at a station. */
@Command(name = "pharmacist", mixinStandardHelpOptions = true,
        description = "Enrol and list the pharmacists who may authorise undo and overrides (PIN).",
        subcommands = {PharmacistAddCommand.class, PharmacistListCommand.class})
public final class PharmacistCommand extends CommandGroup {
}

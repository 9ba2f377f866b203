package dev.packguard.app.cli;

import picocli.CommandLine.Command;

/** {@code packguard epcis}: exchange supply-chain events with trading partners as EPCIS 2.0 JSON. */
@Command(name = "epcis", mixinStandardHelpOptions = true,
        description = "Export a unit's history as EPCIS 2.0 JSON, or read an EPCIS document into statements.",
        subcommands = {EpcisExportCommand.class, EpcisImportCommand.class})
public final class EpcisCommand extends CommandGroup {
}

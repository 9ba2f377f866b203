package dev.packguard.app.cli;

import picocli.CommandLine.Command;

/** {@code packguard ledger}: Create and serve ledgers (the reference node). */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Create and serve ledgers (the reference node).",
        subcommands = {LedgerDemoCommand.class, LedgerServeCommand.class, LedgerEvidenceCommand.class})
public final class LedgerCommand extends CommandGroup {
}

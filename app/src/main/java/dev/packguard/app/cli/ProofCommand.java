package dev.packguard.app.cli;

import picocli.CommandLine.Command;

/** {@code packguard proof}: Work with tlog-proof files (offline proofs of single entries). */
@Command(name = "proof", mixinStandardHelpOptions = true, description = "Work with tlog-proof files (offline proofs of single entries).",
        subcommands = {ProofVerifyCommand.class, ProofExportCommand.class})
public final class ProofCommand extends CommandGroup {
}

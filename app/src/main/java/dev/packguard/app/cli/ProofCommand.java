package dev.packguard.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code packguard proof}: Work with tlog-proof files (offline proofs of single entries). */
@Command(name = "proof", mixinStandardHelpOptions = true, description = "Work with tlog-proof files (offline proofs of single entries).",
        subcommands = {ProofVerifyCommand.class, ProofExportCommand.class})
public final class ProofCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** A group without its subcommand is a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}

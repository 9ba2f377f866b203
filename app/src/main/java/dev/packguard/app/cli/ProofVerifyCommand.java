package dev.packguard.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code packguard proof verify}: Verify a tlog-proof file using nothing but a policy file. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify a tlog-proof file using nothing but a policy file.")
public final class ProofVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.report(spec.commandLine().getErr(), "proof verify", "proof verification");
    }
}

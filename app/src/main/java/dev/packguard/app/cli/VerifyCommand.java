package dev.packguard.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Spec;

/** {@code packguard verify}: Verify scanned units against the local ledger mirror and print a verdict per scan. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify scanned units against the local ledger mirror and print a verdict per scan.")
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.report(spec.commandLine().getErr(), "verify", "verification against the ledger");
    }
}

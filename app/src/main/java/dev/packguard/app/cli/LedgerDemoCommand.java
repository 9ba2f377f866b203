package dev.packguard.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code packguard ledger demo}: Create a deterministic demo world (CA, parties, units, scenarios) in a directory. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Create a deterministic demo world (CA, parties, units, scenarios) in a directory.")
public final class LedgerDemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.report(spec.commandLine().getErr(), "ledger demo", "the demo world generator");
    }
}

package dev.packguard.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Spec;

/** {@code packguard sync}: Synchronise the local ledger mirror from the configured log and verify it. */
@Command(name = "sync", mixinStandardHelpOptions = true, description = "Synchronise the local ledger mirror from the configured log and verify it.")
public final class SyncCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.report(spec.commandLine().getErr(), "sync", "ledger synchronisation");
    }
}

package dev.packguard.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code packguard ledger serve}: Serve a ledger directory over HTTP on 127.0.0.1. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve a ledger directory over HTTP on 127.0.0.1.")
public final class LedgerServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.report(spec.commandLine().getErr(), "ledger serve", "the ledger server");
    }
}

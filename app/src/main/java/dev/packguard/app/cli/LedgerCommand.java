package dev.packguard.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code packguard ledger}: Create and serve ledgers (the reference node). */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Create and serve ledgers (the reference node).",
        subcommands = {LedgerDemoCommand.class, LedgerServeCommand.class})
public final class LedgerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** A group without its subcommand is a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}

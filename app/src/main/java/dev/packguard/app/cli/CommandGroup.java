package dev.packguard.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code ledger}, {@code proof}, {@code note}): alone, it is a usage error. */
abstract class CommandGroup implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Prints the group's usage to stderr and exits 64. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}

package dev.packguard.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Spec;

/** {@code packguard demo}: Create the demo world, serve its ledger on 127.0.0.1 and open the station for it. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Create the demo world, serve its ledger on 127.0.0.1 and open the station for it.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.report(spec.commandLine().getErr(), "demo", "the demo world");
    }
}

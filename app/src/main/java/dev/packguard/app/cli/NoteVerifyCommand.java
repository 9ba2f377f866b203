package dev.packguard.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code packguard note verify}: Verify a signed note (e.g. a checkpoint) against verifier keys. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify a signed note (e.g. a checkpoint) against verifier keys.")
public final class NoteVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        return NotBuiltYet.report(spec.commandLine().getErr(), "note verify", "signed-note verification");
    }
}

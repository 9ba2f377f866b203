package dev.packguard.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code packguard} command: the subcommands of DESIGN.md's CLI contract. */
@Command(name = "packguard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "PackGuard verification station: scan medication packs, verify them against a "
                + "locally mirrored, witnessed supply-chain ledger, and block any unit that fails.",
        footer = {"", "Exit codes: 0 ok / all PASS, 1 some FAIL, 2 CANNOT_VERIFY,",
            "  3 offline (local copy valid), 4 security failure, 64 usage error,",
            "  65 unreadable input, 70 internal error."})
public final class PackGuardCommand implements Callable<Integer> {
    /**
     * The subcommands, in the order the usage lists them. {@link Main} adds them (all of them, or
     * only the one being run) rather than the annotation: picocli builds every subcommand it is
     * given, and building all of them costs a station window most of a second at start-up.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            DemoCommand.class,
            GuiCommand.class,
            DecodeCommand.class,
            VerifyCommand.class,
            SyncCommand.class,
            LedgerCommand.class,
            ProofCommand.class,
            NoteCommand.class,
            EpcisCommand.class,
            PharmacistCommand.class,
            OperatorCommand.class);

    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to do: print usage to stderr, exit 64. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}

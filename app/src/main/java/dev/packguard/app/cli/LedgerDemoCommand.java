package dev.packguard.app.cli;

import dev.packguard.node.demo.DemoWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code packguard ledger demo --out DIR [--units N] [--seed S] [--port P]}: creates the demo
 * world (docs/DEMO.md) in DIR. Exit 0 when created; 64 for bad options; 65 when DIR exists and
 * is not an empty directory; 74 when it cannot be written.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create a deterministic demo world (CA, parties, units, scenarios) in a directory.")
public final class LedgerDemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where to create the world; must not exist or be an empty directory.")
    Path out;

    @Option(names = "--units", paramLabel = "N", defaultValue = "" + DemoWorld.DEFAULT_UNITS,
            description = "Units to commission, " + DemoWorld.MIN_UNITS + ".." + DemoWorld.MAX_UNITS + " (default ${DEFAULT-VALUE}).")
    long units;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + DemoWorld.DEFAULT_SEED,
            description = "Everything random derives from it: same seed, same day, same world (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + LedgerServeCommand.DEFAULT_PORT,
            description = "Port of the ledger URL written into station.json (default ${DEFAULT-VALUE}, as ledger serve).")
    int port;

    /** Overridden in tests. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (units < DemoWorld.MIN_UNITS || units > DemoWorld.MAX_UNITS) {
            err.println("packguard ledger demo: --units must be " + DemoWorld.MIN_UNITS + ".." + DemoWorld.MAX_UNITS);
            return ExitCode.USAGE;
        }
        if (port < 1 || port > 65535) {
            err.println("packguard ledger demo: --port must be 1..65535");
            return ExitCode.USAGE;
        }
        DemoWorld.Summary s;
        try {
            s = DemoWorld.generate(this.out, new DemoWorld.Spec(units, seed, clock, port));
        } catch (FileAlreadyExistsException e) {
            err.println("packguard ledger demo: " + this.out + " exists and is not an empty directory; choose another --out"
                    + " or remove it. Nothing was written.");
            return ExitCode.DATA;
        } catch (AccessDeniedException e) {
            err.println("packguard ledger demo: cannot write " + e.getFile() + ": permission denied. Nothing was left at " + this.out + ".");
            return ExitCode.IO_ERROR;
        } catch (FileSystemException e) {
            err.println("packguard ledger demo: cannot write " + e.getFile() + ": " + e.getReason() + ".");
            return ExitCode.IO_ERROR;
        } catch (IOException e) {
            err.println("packguard ledger demo: writing the world failed: " + e.getMessage());
            return ExitCode.IO_ERROR;
        }
        Path dir = s.dir();
        out.printf("Created a demo world in %s: %,d units, %,d log entries (%,.1f MB), %d sample scans, %d orders, in %.1f s.%n",
                dir, s.units(), s.entries(), s.entryBytes() / 1e6, s.scenarios(), s.orders(), s.took().toMillis() / 1000.0);
        out.println("Serve its ledger:  packguard ledger serve --dir " + dir.resolve(DemoWorld.LOG) + " --port " + port);
        out.println("Then sync:         packguard sync --config " + dir.resolve(DemoWorld.STATION));
        out.println("Sample scans:      " + dir.resolve(DemoWorld.SCENARIOS) + ", printable packs in " + dir.resolve("packs"));
        return ExitCode.OK;
    }
}

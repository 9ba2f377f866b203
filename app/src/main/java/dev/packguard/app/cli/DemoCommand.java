package dev.packguard.app.cli;

import dev.packguard.app.demo.DemoStation;
import dev.packguard.app.gui.StationLauncher;
import dev.packguard.app.station.DataDirectories;
import dev.packguard.node.demo.DemoWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code packguard demo}: creates the default demo world in the user's data directory when it
 * is missing, serves its ledger on 127.0.0.1 (a free port, written into its station.json),
 * renews the witnesses' cosignatures so the ledger is fresh, and opens the station window for it,
 * ready to pack the first demo order; the server stops when the window closes.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create the demo world, serve its ledger on 127.0.0.1 and open the station for it.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--reset", description = "Delete the demo world and create it afresh (dates are relative to today).")
    boolean reset;

    @Option(names = "--dir", paramLabel = "DIR", description = "Use this world instead of the one in the user's data directory.")
    Path dir;

    /** What happens once the world is served; opening the window unless a test replaces it. */
    interface Station {
        void open(Path config) throws Exception;
    }

    Station station = StationLauncher::launchDemo;
    Clock clock = Clock.systemUTC();
    Map<String, String> env = System.getenv();
    String os = System.getProperty("os.name", "");
    Path home = Path.of(System.getProperty("user.home", "."));

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path world = dir != null ? dir.toAbsolutePath().normalize() : defaultDir(env, os, home);
        try {
            if (reset && Files.exists(world)) {
                if (!Files.isRegularFile(world.resolve(DemoWorld.SCENARIOS))) {
                    err.println("packguard demo: " + world + " does not look like a demo world (no scenarios.json); not deleting it.");
                    return ExitCode.DATA;
                }
                deleteTree(world);
            }
        } catch (IOException e) {
            err.println("packguard demo: cannot delete the demo world in " + world + ": " + e.getMessage());
            return ExitCode.IO_ERROR;
        }
        try (DemoStation demo = DemoStation.open(world, DemoWorld.DEFAULT_UNITS, clock, line -> {
            err.println(line);
            err.flush();
        })) {
            out.println("Demo world: " + world + " (ledger served at " + demo.ledgerUrl()
                    + "); to start afresh, run ./packguard demo --reset");
            out.flush();
            station.open(demo.stationConfig());
            return ExitCode.OK;
        } catch (IOException e) {
            err.println("packguard demo: " + e.getMessage());
            return ExitCode.IO_ERROR;
        } catch (Exception e) {
            err.println("packguard demo: the station window failed: " + e);
            return ExitCode.SOFTWARE;
        }
    }

    /**
     * Where the default world lives: {@code demo} in the user's data directory
     * ({@link DataDirectories}, the one place that knows each operating system's convention).
     */
    static Path defaultDir(Map<String, String> env, String os, Path home) {
        DataDirectories.OperatingSystem system = DataDirectories.OperatingSystem.fromOsName(os);
        return DataDirectories.of(system, env, DataDirectories.home(system, env, home)).demo();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

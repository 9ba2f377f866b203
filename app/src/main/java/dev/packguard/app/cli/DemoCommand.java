package dev.packguard.app.cli;

import dev.packguard.app.gui.StationLauncher;
import dev.packguard.node.demo.DemoWorld;
import dev.packguard.node.http.NodeServer;
import dev.packguard.node.tiles.LogDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code packguard demo}: creates the default demo world in the user's data directory when it
 * is missing, serves its ledger on 127.0.0.1 (a free port, written into its station.json),
 * renews the witnesses' cosignatures so the ledger is fresh, and opens the station window for it;
 * the server stops when the window closes.
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

    Station station = config -> StationLauncher.launch(config);
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
            if (!Files.isRegularFile(world.resolve(DemoWorld.STATION))) {
                err.println("Creating the demo world (" + DemoWorld.DEFAULT_UNITS + " units) ...");
                err.flush();
                DemoWorld.generate(world, new DemoWorld.Spec(DemoWorld.DEFAULT_UNITS, DemoWorld.DEFAULT_SEED, clock,
                        LedgerServeCommand.DEFAULT_PORT));
            }
            DemoWorld.recosign(world, clock);
        } catch (IOException e) {
            err.println("packguard demo: cannot prepare the demo world in " + world + ": " + e.getMessage());
            return ExitCode.IO_ERROR;
        }
        try (NodeServer server = NodeServer.start(new InetSocketAddress("127.0.0.1", 0),
                new LogDirectory(world.resolve(DemoWorld.LOG)), Optional.empty())) {
            DemoWorld.setPort(world, server.base().getPort());
            out.println("Demo world: " + world + " (ledger served at " + server.base() + "); to start afresh, run ./packguard demo --reset");
            out.flush();
            station.open(world.resolve(DemoWorld.STATION));
            return ExitCode.OK;
        } catch (IOException e) {
            err.println("packguard demo: cannot serve the demo ledger: " + e.getMessage());
            return ExitCode.IO_ERROR;
        } catch (Exception e) {
            err.println("packguard demo: the station window failed: " + e);
            return ExitCode.SOFTWARE;
        }
    }

    /**
     * Where the default world lives: {@code $XDG_DATA_HOME/packguard/demo} or
     * {@code ~/.local/share/packguard/demo} (XDG Base Directory Specification),
     * {@code ~/Library/Application Support/PackGuard/demo} on macOS,
     * {@code %LOCALAPPDATA%\PackGuard\demo} on Windows.
     */
    static Path defaultDir(Map<String, String> env, String os, Path home) {
        String name = os.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve("PackGuard").resolve("demo");
        }
        if (name.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("PackGuard").resolve("demo");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home.resolve(".local").resolve("share");
        return base.resolve("packguard").resolve("demo");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package dev.packguard.app.demo;

import dev.packguard.node.demo.DemoWorld;
import dev.packguard.node.http.NodeServer;
import dev.packguard.node.tiles.LogDirectory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A demo world made ready for a station, as {@code packguard demo} and the first-start screen's
 * "Open the demo" both do it (docs/DEMO.md): the world is created when it is missing, the
 * witnesses cosign its checkpoint afresh (so the ledger is not stale, whenever the world was
 * made), and its log is served by the node's HTTP server on 127.0.0.1 on a free port, which is
 * written into the world's {@code station.json}. Closing stops the server.
 */
public final class DemoStation implements AutoCloseable {
    /** The order a demo station opens for its demo operator: the first of the world's orders. */
    public static final String FIRST_ORDER = "DEMO-0001";
    /** The badge the demo signs in with; shown as such, and recorded in the audit log as a demo sign-in. */
    public static final String OPERATOR = "DEMO-OPERATOR";

    private static final int PLACEHOLDER_PORT = 8750;

    private final Path world;
    private final NodeServer server;

    private DemoStation(Path world, NodeServer server) {
        this.world = world;
        this.server = server;
    }

    /**
     * Prepares and serves the world in {@code world}, creating it with {@code units} units (seed
     * {@link DemoWorld#DEFAULT_SEED}) when it has no {@code station.json}. {@code progress}
     * hears one sentence per step, for a terminal or a progress line. Blocking: seconds for the
     * default world when it must be created.
     *
     * @throws IOException with a sentence saying what could not be done
     */
    public static DemoStation open(Path world, long units, Clock clock, Consumer<String> progress) throws IOException {
        Path dir = world.toAbsolutePath().normalize();
        try {
            if (!Files.isRegularFile(dir.resolve(DemoWorld.STATION))) {
                progress.accept("Creating the demo world (" + String.format("%,d", units) + " units) in " + dir + " ...");
                // The port is a placeholder until the world is served: setPort below writes the real one.
                DemoWorld.generate(dir, new DemoWorld.Spec(units, DemoWorld.DEFAULT_SEED, clock, PLACEHOLDER_PORT));
            }
            progress.accept("Renewing the witnesses' cosignatures ...");
            DemoWorld.recosign(dir, clock);
        } catch (IOException e) {
            throw new IOException("cannot prepare the demo world in " + dir + ": " + e.getMessage(), e);
        }
        progress.accept("Serving the demo ledger on 127.0.0.1 ...");
        NodeServer server;
        try {
            server = NodeServer.start(new InetSocketAddress("127.0.0.1", 0), new LogDirectory(dir.resolve(DemoWorld.LOG)),
                    Optional.empty());
        } catch (IOException e) {
            throw new IOException("cannot serve the demo ledger: " + e.getMessage(), e);
        }
        try {
            DemoWorld.setPort(dir, server.base().getPort());
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot write the ledger's port into " + dir.resolve(DemoWorld.STATION) + ": "
                    + e.getMessage(), e);
        }
        return new DemoStation(dir, server);
    }

    /** The world's folder. */
    public Path world() {
        return world;
    }

    /** The world's station configuration, pointing at the served ledger. */
    public Path stationConfig() {
        return world.resolve(DemoWorld.STATION);
    }

    /** Where the ledger is served. */
    public URI ledgerUrl() {
        return server.base();
    }

    /** Stops serving the ledger. */
    @Override
    public void close() {
        server.close();
    }
}

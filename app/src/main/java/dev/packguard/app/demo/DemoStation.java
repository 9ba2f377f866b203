package dev.packguard.app.demo;

import dev.packguard.node.demo.DemoNode;
import dev.packguard.node.demo.DemoWorld;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * A demo world made ready for a station, as {@code packguard demo} and the first-start screen's
 * "Open the demo" both do it (docs/DEMO.md): the world is created when it is missing, the
 * witnesses cosign its checkpoint afresh (so the ledger is not stale, whenever the world was
 * made), and its log is run as a writable node with its witnesses ({@link DemoNode}) on
 * 127.0.0.1 on a free port, which is written into the world's {@code station.json}: the
 * station's sealed statements are published to it and come back in its next checkpoint.
 * Closing stops the node cleanly (what it accepted is integrated and the journal closed).
 */
public final class DemoStation implements AutoCloseable {
    /** The order a demo station opens for its demo operator: the first of the world's orders. */
    public static final String FIRST_ORDER = "DEMO-0001";
    /** The badge the demo signs in with; shown as such, and recorded in the audit log as a demo sign-in. */
    public static final String OPERATOR = "DEMO-OPERATOR";

    private static final int PLACEHOLDER_PORT = 8750;

    private final Path world;
    private final DemoNode node;

    private DemoStation(Path world, DemoNode node) {
        this.world = world;
        this.node = node;
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
        progress.accept("Starting the demo ledger node and its witnesses on 127.0.0.1 ...");
        DemoNode node;
        try {
            node = DemoNode.start(dir, clock);
        } catch (IOException e) {
            throw new IOException("cannot serve the demo ledger: " + e.getMessage(), e);
        }
        try {
            DemoWorld.setPort(dir, node.url().getPort());
        } catch (IOException e) {
            closeQuietly(node, e);
            throw new IOException("cannot write the ledger's port into " + dir.resolve(DemoWorld.STATION) + ": "
                    + e.getMessage(), e);
        }
        return new DemoStation(dir, node);
    }

    /** The world's folder. */
    public Path world() {
        return world;
    }

    /** The world's station configuration, pointing at the served ledger. */
    public Path stationConfig() {
        return world.resolve(DemoWorld.STATION);
    }

    /** Where the ledger is served, and where it takes entries ({@code POST add}). */
    public URI ledgerUrl() {
        return node.url();
    }

    /**
     * Stops the node: it takes no more entries, integrates what it accepted into a last
     * checkpoint (cosigned by the witnesses, which stop after it) and closes its journal.
     */
    @Override
    public void close() {
        try {
            node.close();
        } catch (IOException e) {
            // Only closing the journal's file can fail here. Every entry the node acknowledged was
            // fsynced before it was acknowledged, and the next start integrates whatever this
            // close could not, so there is nothing to save and nobody left to tell.
        }
    }

    private static void closeQuietly(DemoNode node, IOException cause) {
        try {
            node.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}

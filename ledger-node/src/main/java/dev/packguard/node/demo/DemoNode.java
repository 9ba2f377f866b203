package dev.packguard.node.demo;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.note.SignedNote;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.ledger.tlog.tiles.EntryBundle;
import dev.packguard.ledger.tlog.tiles.Tile;
import dev.packguard.ledger.tlog.tiles.Tiles;
import dev.packguard.node.LedgerNode;
import dev.packguard.node.sequencer.Journal;
import dev.packguard.node.sequencer.NodeFiles;
import dev.packguard.node.sequencer.Published;
import dev.packguard.node.tiles.AtomicFiles;
import dev.packguard.node.tiles.LogDirectory;
import dev.packguard.node.witness.AddCheckpointRequest;
import dev.packguard.node.witness.Witness;
import dev.packguard.node.witness.WitnessAnswer;
import dev.packguard.node.witness.WitnessServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo world's log run as a full, writable node on 127.0.0.1, so that a demo station's
 * statements are published like a real one's (docs/DEMO.md, "The demo publishes"): the node
 * ({@link LedgerNode}: sequencer, journal, the production {@code StatementValidator} against the
 * world's consortium root) signs each new checkpoint with the world's log key, and the world's
 * two witnesses, each a {@link Witness} served by its own {@link WitnessServer} on 127.0.0.1,
 * cosign it over HTTP (c2sp.org/tlog-witness), as the world's policy requires.
 *
 * <p>A world is made a node on its first start: its entries are read from the log's bundles into
 * a journal ({@code log/node/}, built beside it and moved into place whole), and each witness
 * starts from the checkpoint it cosigned when the world was made, so it cosigns only
 * checkpoints consistent with it. The witnesses keep their state in {@code witnesses/<name>/}.
 * Their ports change on every start and are written into {@code log/node/witnesses} before the
 * node starts; a node started on the directory without them (e.g. {@code ledger serve}) cannot
 * gather cosignatures and so publishes no new checkpoint.
 */
public final class DemoNode implements AutoCloseable {
    /** The witnesses' state inside a world. */
    public static final String WITNESS_STATE = "witnesses";

    private final LedgerNode node;
    private final List<WitnessServer> witnesses;

    private DemoNode(LedgerNode node, List<WitnessServer> witnesses) {
        this.node = node;
        this.witnesses = witnesses;
    }

    /**
     * Makes the world in {@code world} a node if it is not one yet, starts its witnesses and
     * serves it on 127.0.0.1 on a free port. {@code clock} dates the witnesses' cosignatures.
     *
     * @throws IOException when the world is incomplete, its log does not match its checkpoint,
     *     or a server cannot start; nothing is left running
     */
    public static DemoNode start(Path world, Clock clock) throws IOException {
        Path dir = world.toAbsolutePath().normalize();
        NodeFiles files = new NodeFiles(dir.resolve(DemoWorld.LOG));
        SignerKey logKey = DemoWorld.readKey(dir.resolve("keys/log.key"));
        List<Witness> own = new ArrayList<>();
        for (String name : DemoWorld.WITNESSES) {
            Path state = Files.createDirectories(dir.resolve(WITNESS_STATE).resolve(name));
            own.add(new Witness(DemoWorld.readKey(dir.resolve("keys/" + name + ".key")),
                    Map.of(DemoWorld.ORIGIN, logKey.verifierKey()), state, clock));
        }
        if (!files.isNode()) {
            makeNode(dir, files, logKey, own);
        }
        List<WitnessServer> servers = new ArrayList<>();
        try {
            StringBuilder config = new StringBuilder("# Written by packguard demo at each start: the ports change.\n");
            for (Witness w : own) {
                WitnessServer server = WitnessServer.start(new InetSocketAddress("127.0.0.1", 0), w);
                servers.add(server);
                config.append("witness ").append(server.base()).append(' ').append(w.verifierKey().encoded()).append('\n');
            }
            config.append("quorum ").append(own.size()).append('\n');
            AtomicFiles.writeDurably(files.nodeDir().resolve(LedgerNode.WITNESSES),
                    config.toString().getBytes(StandardCharsets.UTF_8));
            return new DemoNode(LedgerNode.start(files.root(), new InetSocketAddress("127.0.0.1", 0)), servers);
        } catch (IOException | RuntimeException e) {
            servers.forEach(WitnessServer::close);
            throw e;
        }
    }

    // The journal holds the log's entries in order; Sequencer.open then checks that they hash to
    // the published checkpoint, so a world whose tiles do not match its checkpoint never serves.
    private static void makeNode(Path world, NodeFiles files, SignerKey logKey, List<Witness> witnesses)
            throws IOException {
        byte[] note = new LogDirectory(files.root()).readCheckpoint()
                .orElseThrow(() -> new IOException(files.root() + " has no checkpoint"));
        long size = checkpoint(note).size();
        Path partial = world.resolve("node.partial");
        deleteTree(partial);
        NodeFiles building = NodeFiles.create(partial, logKey);
        try (Journal journal = Journal.open(building.journal(), (i, e) -> {
            throw new IOException("a new journal is not empty");
        })) {
            for (long start = 0; start < size; start += Tiles.WIDTH) {
                int width = (int) Math.min(Tiles.WIDTH, size - start);
                journal.append(bundle(files.root(), new Tile(0, start / Tiles.WIDTH, width)));
            }
        }
        Files.write(building.nodeDir().resolve(LedgerNode.CONSORTIUM_ROOT),
                pemCertificate(world.resolve(DemoWorld.TRUST_ANCHOR)));
        // The witnesses cosigned this checkpoint when the world was made: that is where they start.
        for (Witness w : witnesses) {
            if (w.load(DemoWorld.ORIGIN).isEmpty()
                    && !(w.addCheckpoint(new AddCheckpointRequest(0, List.of(), note)) instanceof WitnessAnswer.Cosigned)) {
                throw new IOException("the world's witness " + w.verifierKey().name().value()
                        + " does not accept the world's checkpoint");
            }
        }
        Files.move(building.nodeDir(), files.nodeDir(), StandardCopyOption.ATOMIC_MOVE);
        deleteTree(partial);
    }

    private static Checkpoint checkpoint(byte[] note) throws IOException {
        Parsed<SignedNote> signed = SignedNote.parse(note);
        if (!(signed instanceof Parsed.Ok<SignedNote> ok)) {
            throw new IOException("the world's checkpoint is not a signed note: " + signed);
        }
        Parsed<Checkpoint> cp = Checkpoint.parse(ok.value().text());
        if (!(cp instanceof Parsed.Ok<Checkpoint> c)) {
            throw new IOException("the world's checkpoint is malformed: " + cp);
        }
        return c.value();
    }

    private static List<byte[]> bundle(Path log, Tile tile) throws IOException {
        Path file = log.resolve(tile.entriesPath());
        var parsed = EntryBundle.parse(tile, Files.readAllBytes(file));
        if (!(parsed instanceof dev.packguard.ledger.tlog.Parsed.Ok<EntryBundle> ok)) {
            throw new IOException(file + " is not a bundle of " + tile.width() + " entries: " + parsed);
        }
        return ok.value().entries();
    }

    // RFC 7468 §5: the world writes its root certificate as one PEM CERTIFICATE block.
    private static byte[] pemCertificate(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN CERTIFICATE-----";
        int from = text.indexOf(begin);
        int to = text.indexOf("-----END CERTIFICATE-----");
        if (from < 0 || to < from) {
            throw new IOException(file + " is not a PEM certificate");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": bad base64 in the certificate", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Where the log is served and entries are taken ({@code POST add}), ending in a slash. */
    public URI url() {
        return node.url();
    }

    /** The latest checkpoint the node published. */
    public Optional<Published> published() {
        return node.published();
    }

    /**
     * Stops taking entries, integrates and publishes what was accepted (the witnesses still
     * cosign it), closes the journal, then stops the witnesses.
     */
    @Override
    public void close() throws IOException {
        try {
            node.close();
        } finally {
            witnesses.forEach(WitnessServer::close);
        }
    }
}

package dev.packguard.node;

import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.pki.ConsortiumRoot;
import dev.packguard.ledger.pki.Parse;
import dev.packguard.ledger.pki.PartyDirectory;
import dev.packguard.node.http.NodeServer;
import dev.packguard.node.sequencer.CanonicalJsonValidator;
import dev.packguard.node.sequencer.CheckpointCosigner;
import dev.packguard.node.sequencer.NodeFiles;
import dev.packguard.node.sequencer.Published;
import dev.packguard.node.sequencer.Sequencer;
import dev.packguard.node.sequencer.SubmissionValidator;
import dev.packguard.node.tiles.LogDirectory;
import dev.packguard.node.validation.StatementValidator;
import dev.packguard.node.witness.WitnessConfig;
import dev.packguard.node.witness.WitnessQuorum;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A log directory served over HTTP: read-only when it is just a copy of a log, or as a full
 * node (sequencer, submissions, witnesses from {@code node/witnesses}) when it holds a node's
 * key and journal ({@link NodeFiles}). What {@code packguard ledger serve} runs.
 */
public final class LedgerNode implements AutoCloseable {
    /** The witnesses file inside the node directory. */
    public static final String WITNESSES = "witnesses";
    /** The consortium root certificate (DER) inside the node directory: statements are validated against it. */
    public static final String CONSORTIUM_ROOT = "consortium-root.der";

    private final NodeServer server;
    private final Optional<Sequencer> sequencer;
    private final Optional<WitnessQuorum> quorum;

    private LedgerNode(NodeServer server, Optional<Sequencer> sequencer, Optional<WitnessQuorum> quorum) {
        this.server = server;
        this.sequencer = sequencer;
        this.quorum = quorum;
    }

    /**
     * Starts serving {@code dir} on {@code address}, with the given validator for submissions.
     *
     * @throws IOException when the node's state cannot be recovered, the witnesses file is bad,
     *     or the address cannot be bound; nothing is left running
     */
    public static LedgerNode start(Path dir, InetSocketAddress address, SubmissionValidator validator) throws IOException {
        NodeFiles files = new NodeFiles(dir);
        if (!files.isNode()) {
            if (!Files.isRegularFile(files.root().resolve(LogDirectory.CHECKPOINT))) {
                throw new IOException(files.root() + " is neither a log (no checkpoint) nor a node (no node/log.key)");
            }
            return new LedgerNode(NodeServer.start(address, new LogDirectory(files.root()), Optional.empty()),
                    Optional.empty(), Optional.empty());
        }
        Optional<WitnessQuorum> quorum = Optional.empty();
        Path witnesses = files.nodeDir().resolve(WITNESSES);
        if (Files.isRegularFile(witnesses)) {
            Parsed<WitnessConfig> cfg = WitnessConfig.parse(Files.readString(witnesses, StandardCharsets.UTF_8));
            if (cfg instanceof Parsed.Err<WitnessConfig> err) {
                throw new IOException(witnesses + ": " + err.error());
            }
            quorum = Optional.of(cfg.orElseThrow().quorumOverHttp(Duration.ofSeconds(5)));
        }
        CheckpointCosigner cosigner = quorum.isPresent() ? quorum.get() : CheckpointCosigner.NONE;
        Sequencer sequencer;
        try {
            sequencer = Sequencer.open(files, validator, cosigner, Sequencer.Settings.defaults(), Clock.systemUTC());
        } catch (IOException | RuntimeException e) {
            quorum.ifPresent(WitnessQuorum::close);
            throw e;
        }
        try {
            NodeServer server = NodeServer.start(address, new LogDirectory(files.root()), Optional.of(sequencer));
            return new LedgerNode(server, Optional.of(sequencer), quorum);
        } catch (IOException | RuntimeException e) {
            sequencer.close();
            quorum.ifPresent(WitnessQuorum::close);
            throw e;
        }
    }

    /**
     * {@link #start(Path, InetSocketAddress, SubmissionValidator)} with the validator the
     * directory calls for: PackGuard statements ({@link StatementValidator}) when
     * {@code node/consortium-root.der} holds the consortium's root certificate, otherwise any
     * canonical JSON object (a log that is not a PackGuard ledger).
     */
    public static LedgerNode start(Path dir, InetSocketAddress address) throws IOException {
        return start(dir, address, validatorFor(new NodeFiles(dir)));
    }

    /** The validator for a node directory; see {@link #start(Path, InetSocketAddress)}. */
    public static SubmissionValidator validatorFor(NodeFiles files) throws IOException {
        Path root = files.nodeDir().resolve(CONSORTIUM_ROOT);
        if (!Files.isRegularFile(root)) {
            return new CanonicalJsonValidator();
        }
        Parse<ConsortiumRoot> parsed = ConsortiumRoot.parse(Files.readAllBytes(root));
        if (parsed instanceof Parse.Unusable<ConsortiumRoot> u) {
            throw new IOException(root + " is not a usable consortium root certificate: " + u.reason());
        }
        return new StatementValidator(new PartyDirectory(parsed.orElseThrow()));
    }

    /** The log's URL prefix, ending in a slash. */
    public URI url() {
        return server.base();
    }

    /** True when this serves a node that accepts submissions at {@code POST /add}. */
    public boolean acceptsSubmissions() {
        return sequencer.isPresent();
    }

    /** The latest published checkpoint of a node. */
    public Optional<Published> published() {
        return sequencer.flatMap(Sequencer::published);
    }

    /** Stops serving, then integrates what was sequenced and closes the journal. */
    @Override
    public void close() throws IOException {
        server.close();
        try {
            if (sequencer.isPresent()) {
                sequencer.get().close();
            }
        } finally {
            quorum.ifPresent(WitnessQuorum::close);
        }
    }
}

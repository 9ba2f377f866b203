package dev.packguard.node.witness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.ledger.mirror.SyncResult;
import dev.packguard.ledger.note.Notes;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.ledger.policy.PolicyParser;
import dev.packguard.ledger.testing.SignedTestLog;
import dev.packguard.ledger.tlog.MemoryTree;
import dev.packguard.node.http.NodeServer;
import dev.packguard.node.sequencer.CanonicalJsonValidator;
import dev.packguard.node.sequencer.NodeFiles;
import dev.packguard.node.sequencer.Sequencer;
import dev.packguard.node.sequencer.Submission;
import dev.packguard.node.testing.TestNodes;
import dev.packguard.node.tiles.LogDirectory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node publishing only checkpoints cosigned by k witnesses, each a separate HTTP server on 127.0.0.1. */
class WitnessedNodeTest {
    private static final Sequencer.Settings SETTINGS =
            new Sequencer.Settings(Duration.ofHours(1), Duration.ofHours(1), 1024, 10_000);

    @TempDir
    Path dir;

    private static SignerKey witnessKey(int i) {
        return SignedTestLog.key("witness" + i + ".example", SignatureType.COSIGNATURE_V1);
    }

    private WitnessServer startWitness(int i) throws Exception {
        Witness w = new Witness(witnessKey(i), Map.of(TestNodes.ORIGIN, TestNodes.logKey().verifierKey()),
                Files.createDirectories(dir.resolve("witness" + i)), Clock.systemUTC());
        return WitnessServer.start(new InetSocketAddress("127.0.0.1", 0), w);
    }

    private static String policy(int quorum) {
        return "log " + TestNodes.logKey().verifierKey().encoded() + "\n"
                + "witness w1 " + witnessKey(1).verifierKey().encoded() + "\n"
                + "witness w2 " + witnessKey(2).verifierKey().encoded() + "\n"
                + "group both " + quorum + " w1 w2\nquorum both\n";
    }

    @Test
    void node_withTwoOfTwoWitnesses_publishesCheckpointsTheStationPolicyAccepts() throws Exception {
        NodeFiles files = TestNodes.create(dir.resolve("log"));
        try (WitnessServer w1 = startWitness(1); WitnessServer w2 = startWitness(2)) {
            List<CheckpointWitness> clients = List.of(
                    new HttpWitnessClient(w1.base(), witnessKey(1).verifierKey(), Duration.ofSeconds(5)),
                    new HttpWitnessClient(w2.base(), witnessKey(2).verifierKey(), Duration.ofSeconds(5)));
            for (int round = 0; round < 2; round++) {
                // The second round is a restart: the node no longer knows the witnesses' sizes
                // and learns them from their 409 answers.
                try (WitnessQuorum quorum = new WitnessQuorum(clients, 2);
                        Sequencer s = Sequencer.open(files, new CanonicalJsonValidator(), quorum, SETTINGS, Clock.systemUTC());
                        NodeServer server = NodeServer.start(new InetSocketAddress("127.0.0.1", 0),
                                new LogDirectory(files.root()), Optional.of(s))) {
                    for (int i = 0; i < 300; i++) {
                        assertThat(s.submit(TestNodes.entry("r" + round, i)).get()).isInstanceOf(Submission.Sequenced.class);
                    }
                    assertThat(s.integrateNow().orElseThrow().size()).isEqualTo(300L * (round + 1));
                    assertThat(sync(server.base(), dir.resolve("station.db"))).isInstanceOf(SyncResult.Synced.class);
                }
            }
        }
    }

    @Test
    void node_whenAWitnessIsDown_keepsThePreviousCheckpointUntilTheQuorumIsBack() throws Exception {
        NodeFiles files = TestNodes.create(dir.resolve("log"));
        try (WitnessServer w1 = startWitness(1)) {
            URI down = URI.create("http://127.0.0.1:9/");
            List<CheckpointWitness> clients = new ArrayList<>(List.of(
                    new HttpWitnessClient(w1.base(), witnessKey(1).verifierKey(), Duration.ofSeconds(2)),
                    new HttpWitnessClient(down, witnessKey(2).verifierKey(), Duration.ofSeconds(2))));
            try (WitnessQuorum quorum = new WitnessQuorum(clients, 2);
                    Sequencer s = Sequencer.open(files, new CanonicalJsonValidator(), quorum, SETTINGS, Clock.systemUTC())) {
                assertThat(s.published()).as("not even the empty checkpoint without 2 cosignatures").isEmpty();
                s.submit(TestNodes.entry("x", 1)).get();
                assertThat(s.integrateNow()).isEmpty();
                assertThat(s.lastFailure()).hasValueSatisfying(f -> assertThat(f).contains("witness quorum"));
                assertThat(files.root().resolve("checkpoint")).doesNotExist();
            }
            try (WitnessServer w2 = startWitness(2);
                    WitnessQuorum quorum = new WitnessQuorum(List.of(clients.get(0),
                            new HttpWitnessClient(w2.base(), witnessKey(2).verifierKey(), Duration.ofSeconds(2))), 2);
                    Sequencer s = Sequencer.open(files, new CanonicalJsonValidator(), quorum, SETTINGS, Clock.systemUTC())) {
                assertThat(s.published().orElseThrow().size()).isEqualTo(1);
            }
        }
    }

    @Test
    void witnessServer_answersOnTheWireAsTheSpecSays() throws Exception {
        try (WitnessServer w1 = startWitness(1)) {
            var http = HttpClient.newHttpClient();
            MemoryTree tree = new MemoryTree();
            for (int i = 0; i < 20; i++) {
                tree.appendEntry(TestNodes.entry("w", i));
            }
            BiFunction<Long, Long, byte[]> body = (old, size) -> new AddCheckpointRequest(old,
                    tree.consistencyProof(old, size).path(), Notes.sign(
                            Checkpoint.of(TestNodes.ORIGIN, size, tree.root(size).bytes()).text(),
                            List.of(TestNodes.logKey().noteSigner())).encodedBytes()).encode();
            Function<byte[], HttpResponse<String>> post = b -> http.sendAsync(
                    HttpRequest.newBuilder(w1.base().resolve("add-checkpoint"))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(b)).build(),
                    HttpResponse.BodyHandlers.ofString()).join();

            var ok = post.apply(body.apply(0L, 10L));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).startsWith("\u2014 witness1.example ").endsWith("\n");
            var stale = post.apply(body.apply(0L, 15L));
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(stale.headers().firstValue("Content-Type")).contains("text/x.tlog.size");
            assertThat(stale.body()).isEqualTo("10\n");
            assertThat(post.apply("old 1\n".getBytes()).statusCode()).isEqualTo(400);
            assertThat(post.apply(body.apply(10L, 20L)).statusCode()).isEqualTo(200);
        }
    }

    private SyncResult sync(URI base, Path db) throws Exception {
        try (MirrorStore store = MirrorStore.open(db)) {
            return new MirrorSync(store, new LogFetcher(base, LogFetcher.Settings.defaults()),
                    new PolicyVerifier(PolicyParser.parse(policy(2)).orElseThrow()), Clock.systemUTC()).sync(p -> { });
        }
    }
}

package dev.packguard.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.ledger.mirror.SyncResult;
import dev.packguard.ledger.policy.PolicyParser;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.ProofCheck;
import dev.packguard.ledger.tlog.TreeHash;
import dev.packguard.ledger.tlog.proof.TlogProof;
import dev.packguard.ledger.tlog.proof.TlogProofParser;
import dev.packguard.node.sequencer.CanonicalJsonValidator;
import dev.packguard.node.sequencer.CheckpointCosigner;
import dev.packguard.node.sequencer.NodeFiles;
import dev.packguard.node.sequencer.Sequencer;
import dev.packguard.node.testing.TestNodes;
import dev.packguard.node.tiles.LogDirectory;
import java.io.ByteArrayInputStream;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeServerTest {
    @TempDir
    Path dir;
    private NodeFiles files;
    private Sequencer sequencer;
    private NodeServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        files = TestNodes.create(dir.resolve("log"));
        var settings = new Sequencer.Settings(Duration.ofMillis(50), Duration.ofHours(1), 4096, 20_000);
        sequencer = Sequencer.open(files, new CanonicalJsonValidator(), CheckpointCosigner.NONE, settings, Clock.systemUTC());
        server = NodeServer.start(new InetSocketAddress("127.0.0.1", 0), new LogDirectory(files.root()),
                Optional.of(sequencer));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        sequencer.close();
    }

    private HttpResponse<byte[]> post(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.base().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.base().resolve(path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private SyncResult stationSync(Path db) throws Exception {
        String policy = "log " + TestNodes.logKey().verifierKey().encoded() + "\nquorum none\n";
        try (MirrorStore store = MirrorStore.open(db)) {
            return new MirrorSync(store, new LogFetcher(server.base(), LogFetcher.Settings.defaults()),
                    new PolicyVerifier(PolicyParser.parse(policy).orElseThrow()), Clock.systemUTC()).sync(p -> { });
        }
    }

    @Test
    void add_answersWithAnInclusionProofThatVerifiesAndTheStationSyncsTheEntry() throws Exception {
        byte[] entry = TestNodes.entry("station", 1);
        HttpResponse<byte[]> r = post("add", entry);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("PackGuard-Index")).contains("0");
        TlogProof proof = TlogProofParser.parse(new String(r.body())).ok().orElseThrow();
        assertThat(proof.index()).isZero();

        SyncResult synced = stationSync(dir.resolve("station.db"));
        assertThat(synced).isInstanceOf(SyncResult.Synced.class);
        var cp = ((SyncResult.Synced) synced).checkpoint();
        assertThat(cp.size()).isEqualTo(1);
        assertThat(proof.verifyInclusion(TreeHash.leafHash(entry), cp.size(), cp.root()))
                .isInstanceOf(ProofCheck.Verified.class);
        assertThat(proof.checkpoint()).isEqualTo(new String(cp.note()));
    }

    @Test
    void add_withWaitZero_answers202WithTheIndexAndTheProofFollows() throws Exception {
        HttpResponse<byte[]> r = post("add?wait=0", TestNodes.entry("async", 1));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(new String(r.body())).isEqualTo("index 0\n");
        sequencer.integrated(0).get();
        HttpResponse<byte[]> p = get("proof/0");
        assertThat(p.statusCode()).isEqualTo(200);
        assertThat(TlogProofParser.parse(new String(p.body())).ok().orElseThrow().index()).isZero();
        assertThat(get("proof/1").statusCode()).isEqualTo(404);
        assertThat(get("proof/01").statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", textBlock = """
            {"b":1,"a":2}      | 400 | not in RFC 8785 canonical form
            { "a":1}           | 400 | not in RFC 8785 canonical form
            "text"             | 400 | not a JSON object
            {"a":1,}           | 400 | not valid JSON
            [1,2]              | 400 | not a JSON object
            """)
    void add_badEntry_isRefusedWithTheReasonAndNothingIsWritten(String body, int status, String reason) throws Exception {
        long journal = Files.size(files.journal());
        HttpResponse<byte[]> r = post("add", body.getBytes());
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(new String(r.body())).contains(reason);
        assertThat(Files.size(files.journal())).isEqualTo(journal);
        assertThat(sequencer.sequenced()).isZero();
    }

    @Test
    void add_tooLarge_is413AndNothingIsWritten() throws Exception {
        long journal = Files.size(files.journal());
        byte[] big = ("{\"a\":\"" + "x".repeat(70_000) + "\"}").getBytes();
        assertThat(post("add", big).statusCode()).isEqualTo(413);
        assertThat(Files.size(files.journal())).isEqualTo(journal);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            node/log.key
            node/journal
            tile/0/0001
            tile/../node/log.key
            tile/entries/000.p/0
            """)
    void get_pathsOutsideTheLogLayout_are404(String path) throws Exception {
        assertThat(get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void get_servesCheckpointUncachedAndTilesImmutableAndGzipped() throws Exception {
        for (int i = 0; i < 300; i++) {
            post("add?wait=0", TestNodes.entry("g", i));
        }
        sequencer.integrated(299).get();
        HttpResponse<byte[]> cp = get("checkpoint");
        assertThat(cp.statusCode()).isEqualTo(200);
        assertThat(cp.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(new String(cp.body())).startsWith(TestNodes.ORIGIN + "\n300\n");
        HttpResponse<byte[]> bundle = get("tile/entries/000", "Accept-Encoding", "gzip");
        assertThat(bundle.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(bundle.headers().firstValue("Content-Encoding")).contains("gzip");
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(bundle.body())).readAllBytes();
        assertThat(plain).isEqualTo(Files.readAllBytes(files.root().resolve("tile/entries/000")));
        assertThat(get("tile/0/001.p/44").statusCode()).isEqualTo(200);
    }

    @Test
    void add_concurrentSubmitters_getDistinctIndicesAndAllEntriesAreInTheLog() throws Exception {
        int submitters = 20;
        int each = 300;
        ExecutorService pool = Executors.newFixedThreadPool(submitters);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < submitters; t++) {
            int id = t;
            results.add(pool.submit(() -> {
                List<Long> indices = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    HttpResponse<byte[]> r = post("add?wait=0", TestNodes.entry("s" + id, i));
                    assertThat(r.statusCode()).isEqualTo(202);
                    indices.add(Long.parseLong(r.headers().firstValue("PackGuard-Index").orElseThrow()));
                }
                return indices;
            }));
        }
        Set<Long> all = new HashSet<>();
        for (Future<List<Long>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        assertThat(all).hasSize(submitters * each);
        assertThat(all.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(submitters * each - 1);
        sequencer.integrated(submitters * each - 1).get();

        SyncResult synced = stationSync(dir.resolve("station.db"));
        assertThat(synced).isInstanceOf(SyncResult.Synced.class);
        assertThat(((SyncResult.Synced) synced).checkpoint().size()).isEqualTo(submitters * each);
        TlogProof proof = TlogProofParser.parse(new String(get("proof/4321").body())).ok().orElseThrow();
        assertThat(proof.index()).isEqualTo(4321);
        Hash root = ((SyncResult.Synced) synced).checkpoint().root();
        assertThat(root).isEqualTo(Hash.of(sequencer.published().orElseThrow().checkpoint().rootHash()));
    }

    @Test
    void add_whenTheQueueIsFull_is503WithRetryAfterAndNothingIsWritten() throws Exception {
        // A validator that holds the sequencing thread, so submissions pile up in the queue.
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        var slow = new dev.packguard.node.sequencer.SubmissionValidator() {
            @Override
            public Verdict check(byte[] entry) {
                return Verdict.ACCEPT;
            }

            @Override
            public Verdict admit(long index, byte[] entry) {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Verdict.ACCEPT;
            }
        };
        NodeFiles other = TestNodes.create(dir.resolve("busy"));
        var settings = new Sequencer.Settings(Duration.ofHours(1), Duration.ofHours(1), 1, 2);
        try (Sequencer busy = Sequencer.open(other, slow, CheckpointCosigner.NONE, settings, Clock.systemUTC());
                NodeServer busyServer = NodeServer.start(new InetSocketAddress("127.0.0.1", 0),
                        new LogDirectory(other.root()), Optional.of(busy))) {
            var first = busy.submit(TestNodes.entry("q", 0));
            holding.await();
            var queued = List.of(busy.submit(TestNodes.entry("q", 1)), busy.submit(TestNodes.entry("q", 2)));
            long journal = Files.size(other.journal());
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(busyServer.base().resolve("add"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TestNodes.entry("q", 3))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("1");
            assertThat(new String(r.body())).contains("busy");
            assertThat(Files.size(other.journal())).isEqualTo(journal);
            release.countDown();
            assertThat(first.get()).isEqualTo(new dev.packguard.node.sequencer.Submission.Sequenced(0));
            assertThat(queued.get(1).get()).isEqualTo(new dev.packguard.node.sequencer.Submission.Sequenced(2));
        }
    }

    @Test
    void get_withoutSequencer_servesTheLogReadOnly() throws Exception {
        post("add", TestNodes.entry("x", 1));
        try (NodeServer copy = NodeServer.start(new InetSocketAddress("127.0.0.1", 0), new LogDirectory(files.root()),
                Optional.empty())) {
            var r = http.send(HttpRequest.newBuilder(copy.base().resolve("checkpoint")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            var add = http.send(HttpRequest.newBuilder(copy.base().resolve("add"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TestNodes.entry("x", 2))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(add.statusCode()).isEqualTo(404);
        }
        URI unused = server.base();
        assertThat(unused.getHost()).isEqualTo("127.0.0.1");
    }
}

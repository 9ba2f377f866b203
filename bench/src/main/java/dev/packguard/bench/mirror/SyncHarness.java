package dev.packguard.bench.mirror;

import com.sun.net.httpserver.HttpServer;
import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.ledger.mirror.SyncResult;
import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.Notes;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyParser;
import dev.packguard.ledger.tlog.MemoryTree;
import dev.packguard.ledger.tlog.tiles.TileWriter;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * End-to-end sync benchmark: a log of N statement-sized entries served over HTTP on 127.0.0.1
 * (the JDK's HttpServer, in this process, serving from memory), synced from scratch into a new
 * SQLite mirror; then 10,000 more entries synced incrementally. Prints entries/s, the
 * incremental time, and the database size against the raw entry bytes.
 *
 * <pre>java -Xmx4g -cp bench/target/benchmarks.jar dev.packguard.bench.mirror.SyncHarness [N] [entryBytes]</pre>
 */
public final class SyncHarness {
    private SyncHarness() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int entryBytes = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int more = 10_000;
        Random random = new Random(1);
        List<byte[]> entries = new ArrayList<>(n + more);
        long raw = 0;
        for (int i = 0; i < n + more; i++) {
            byte[] e = new byte[entryBytes - 32 + random.nextInt(64)];
            random.nextBytes(e);
            entries.add(e);
        }
        for (int i = 0; i < n; i++) {
            raw += entries.get(i).length;
        }
        SignerKey logKey = SignerKey.generate(new KeyName("bench.example/log"), SignatureType.ED25519, new SecureRandom());
        Parsed<Policy> parsed = PolicyParser.parse("log " + logKey.verifierKey().encoded() + "\nquorum none\n");
        Policy policy = ((Parsed.Ok<Policy>) parsed).value();

        Map<String, byte[]> files = new ConcurrentHashMap<>();
        System.out.printf("building a log of %,d entries (%,d bytes)...%n", n, raw);
        publish(files, entries.subList(0, n), logKey);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ex -> {
            try (ex) {
                byte[] body = files.get(ex.getRequestURI().getPath().substring(1));
                if (body == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        Path dir = Files.createTempDirectory("packguard-sync-bench");
        Path db = dir.resolve("mirror.db");
        try (MirrorStore store = MirrorStore.open(db)) {
            MirrorSync sync = new MirrorSync(store, new LogFetcher(base, LogFetcher.Settings.defaults()),
                    new PolicyVerifier(policy), Clock.systemUTC());
            // -Dpackguard.bench.jfr=FILE records a JFR profile of the full sync alone.
            String jfr = System.getProperty("packguard.bench.jfr");
            jdk.jfr.Recording recording = null;
            if (jfr != null) {
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                recording.start();
            }
            long t0 = System.nanoTime();
            SyncResult full = sync.sync(p -> { });
            double fullSeconds = (System.nanoTime() - t0) / 1e9;
            if (recording != null) {
                recording.dump(Path.of(jfr));
                recording.close();
            }
            check(full, n);
            System.out.printf("full sync: %,d entries in %.2f s = %,.0f entries/s%n", n, fullSeconds, n / fullSeconds);

            publish(files, entries, logKey);
            long t1 = System.nanoTime();
            SyncResult inc = sync.sync(p -> { });
            double incSeconds = (System.nanoTime() - t1) / 1e9;
            check(inc, more);
            System.out.printf("incremental sync: %,d new entries in %.3f s%n", more, incSeconds);
        }
        long dbBytes = Files.size(db);
        long rawAll = raw;
        for (int i = n; i < n + more; i++) {
            rawAll += entries.get(i).length;
        }
        System.out.printf("database: %,d bytes for %,d raw entry bytes = %.3f x%n", dbBytes, rawAll, (double) dbBytes / rawAll);
        server.stop(0);
        System.exit(0);
    }

    private static void check(SyncResult r, long expected) {
        if (!(r instanceof SyncResult.Synced s) || s.newEntries() != expected) {
            throw new IllegalStateException("sync did not complete: " + r);
        }
    }

    private static void publish(Map<String, byte[]> files, List<byte[]> entries, SignerKey logKey) {
        files.putAll(TileWriter.writeLog(entries));
        MemoryTree tree = new MemoryTree();
        entries.forEach(tree::appendEntry);
        String text = Checkpoint.of("bench.example/log", entries.size(), tree.root().bytes()).text();
        files.put("checkpoint", Notes.sign(text, List.of(logKey.noteSigner())).encodedBytes());
    }
}

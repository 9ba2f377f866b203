package dev.packguard.bench.node;

import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.node.http.NodeServer;
import dev.packguard.node.sequencer.CanonicalJsonValidator;
import dev.packguard.node.sequencer.CheckpointCosigner;
import dev.packguard.node.sequencer.NodeFiles;
import dev.packguard.node.sequencer.Published;
import dev.packguard.node.sequencer.Sequencer;
import dev.packguard.node.tiles.LogDirectory;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained submission benchmark of the reference node: C client threads POST statement-sized
 * canonical JSON entries to {@code /add?wait=0} over HTTP on 127.0.0.1 for S seconds, against
 * the node with its default settings (checkpoint every 250 ms, every entry fsynced before it is
 * acknowledged, tiles and checkpoint written with fsync and atomic rename). Prints accepted
 * entries/s per 5-second window, the longest gap between published checkpoints under load, and
 * how long after the last acknowledgement the last entry was in a published checkpoint.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.packguard.bench.node.NodeHarness [seconds] [clients]}
 * [direct] (defaults 30 s, 32 clients). Clients and node share this process and its two cores;
 * {@code direct} calls the sequencer in-process instead of over HTTP, to separate the two costs.
 */
public final class NodeHarness {
    private static final long WARM_UP_NANOS = 10_000_000_000L;

    private NodeHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        // HttpURLConnection keeps only 5 idle connections per server by default; the others
        // would open a new TCP connection per request.
        System.setProperty("http.maxConnections", Integer.toString(clients));
        Path dir = Files.createTempDirectory("packguard-node-bench");
        SignerKey key = SignerKey.generate(new KeyName("bench.example/log"), SignatureType.ED25519, new SecureRandom());
        NodeFiles files = NodeFiles.create(dir, key);
        try (Sequencer s = Sequencer.open(files, new CanonicalJsonValidator(), CheckpointCosigner.NONE,
                Sequencer.Settings.defaults(), Clock.systemUTC());
                NodeServer server = NodeServer.start(new InetSocketAddress("127.0.0.1", 0), new LogDirectory(dir),
                        Optional.of(s), Duration.ofSeconds(10), 160)) {
            run(s, server.base(), seconds, clients, args.length > 2 && args[2].equals("direct"));
        }
    }

    private static void run(Sequencer s, URI base, int seconds, int clients, boolean direct) throws Exception {
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong lastIndex = new AtomicLong(-1);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            Thread t = new Thread(() -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                    byte[] entry = statement(id, n);
                    if (direct) {
                        try {
                            var r = s.submit(entry).get();
                            if (r instanceof dev.packguard.node.sequencer.Submission.Sequenced q) {
                                accepted.incrementAndGet();
                                lastIndex.accumulateAndGet(q.index(), Math::max);
                            } else {
                                refused.incrementAndGet();
                            }
                        } catch (Exception e) {
                            refused.incrementAndGet();
                        }
                        continue;
                    }
                    try {
                        // HttpURLConnection keeps connections alive and costs far less CPU per
                        // request than java.net.http, which matters with both sides on 2 cores.
                        var conn = (java.net.HttpURLConnection) base.resolve("add?wait=0").toURL().openConnection();
                        conn.setRequestMethod("POST");
                        conn.setDoOutput(true);
                        conn.setFixedLengthStreamingMode(entry.length);
                        try (var os = conn.getOutputStream()) {
                            os.write(entry);
                        }
                        int status = conn.getResponseCode();
                        try (var in = status < 400 ? conn.getInputStream() : conn.getErrorStream()) {
                            in.readAllBytes();
                        }
                        if (status == 202) {
                            accepted.incrementAndGet();
                            lastIndex.accumulateAndGet(Long.parseLong(conn.getHeaderField("PackGuard-Index")), Math::max);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
            }, "client-" + c);
            t.start();
            threads.add(t);
        }
        long start = System.nanoTime();
        long windowStart = start;
        long windowCount = 0;
        long maxGapMs = 0;
        long maxGapWarmMs = 0;
        long lastSize = s.published().map(Published::size).orElse(0L);
        long lastChange = System.nanoTime();
        // The first 10 s are JIT warm-up; the sustained figures count from then.
        long warmedAt = 0;
        long warmedCount = 0;
        System.out.printf("node benchmark: %d clients, %d s, entries of %d bytes%n", clients, seconds, statement(0, 0).length);
        while (System.nanoTime() < end) {
            Thread.sleep(10);
            long size = s.published().map(Published::size).orElse(0L);
            long now = System.nanoTime();
            if (size != lastSize) {
                lastSize = size;
                lastChange = now;
            } else if (accepted.get() > size) {
                long gap = (now - lastChange) / 1_000_000;
                maxGapMs = Math.max(maxGapMs, gap);
                if (warmedAt != 0) {
                    maxGapWarmMs = Math.max(maxGapWarmMs, gap);
                }
            }
            if (now - windowStart >= 5_000_000_000L) {
                long count = accepted.get();
                if (warmedAt == 0 && now - start >= WARM_UP_NANOS) {
                    warmedAt = now;
                    warmedCount = count;
                }
                System.out.printf("  %5.1f s: %,8.0f entries/s accepted, published size %,d%n",
                        (now - start) / 1e9, (count - windowCount) / ((now - windowStart) / 1e9), size);
                windowStart = now;
                windowCount = count;
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        long acceptedAt = System.nanoTime();
        s.integrated(lastIndex.get()).get();
        long lagMs = (System.nanoTime() - acceptedAt) / 1_000_000;
        double total = (acceptedAt - start) / 1e9;
        double sustained = warmedAt == 0 ? accepted.get() / total
                : (accepted.get() - warmedCount) / ((acceptedAt - warmedAt) / 1e9);
        System.out.printf("accepted %,d entries in %.1f s (refused %d); after the first 10 s: %,.0f entries/s sustained%n",
                accepted.get(), total, refused.get(), sustained);
        System.out.printf("published checkpoint size %,d; longest gap between checkpoints under load %d ms"
                + " (after the first 10 s: %d ms); last entry integrated %d ms after the last acknowledgement%n",
                s.published().orElseThrow().size(), maxGapMs, maxGapWarmMs, lagMs);
    }

    // About the size of a signed statement: canonical JSON (sorted keys, no spaces).
    private static byte[] statement(int client, int n) {
        String sig = "x".repeat(88);
        return ("{\"bizStep\":\"shipping\",\"client\":" + client + ",\"epc\":\"urn:epc:id:sgtin:4012345.012345."
                + client + "-" + n + "\",\"n\":" + n + ",\"signature\":\"" + sig
                + "\",\"signer\":\"urn:epc:id:pgln:4012345.00000\",\"time\":\"2026-11-24T09:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}

package dev.packguard.app.station.returns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packguard.app.config.StationConfig;
import dev.packguard.app.station.LedgerMonitor;
import dev.packguard.app.station.StationSetup;
import dev.packguard.ledger.index.StatementIndexer;
import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.node.demo.DemoWorld;
import dev.packguard.node.http.NodeServer;
import dev.packguard.node.tiles.LogDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A 300-unit demo world (ledger-node {@code dev.packguard.node.demo}) served on 127.0.0.1 and synced
 * once into a real mirror through a real {@link LedgerMonitor}: the returns tests verify its
 * sample packs with the real ledger-client rules in return mode. Built once per test JVM and
 * shared read-only (each test has its own audit log and outbox).
 */
public final class DemoReturnsWorld {
    /** The world's day: its supply chain is dated back from here. */
    public static final Clock MADE = Clock.fixed(Instant.parse("2026-11-24T06:00:00Z"), ZoneOffset.UTC);
    /** When the returns are scanned: the same day, a few hours later. */
    public static final Instant STATION = Instant.parse("2026-11-24T09:30:00Z");

    private static DemoReturnsWorld shared;

    public final Path dir;
    public final StationConfig config;
    public final MirrorStore store;
    public final LedgerMonitor monitor;
    private final Map<String, String> scans = new HashMap<>();

    private DemoReturnsWorld(Path dir, StationConfig config, MirrorStore store, LedgerMonitor monitor) throws IOException {
        this.dir = dir;
        this.config = config;
        this.store = store;
        this.monitor = monitor;
        JsonNode all = new ObjectMapper().readTree(dir.resolve(DemoWorld.SCENARIOS).toFile()).get("scenarios");
        all.forEach(s -> scans.put(s.get("id").asText(), s.get("scan").asText()));
    }

    /** The world, generated and synced on first use. */
    public static synchronized DemoReturnsWorld get() {
        if (shared == null) {
            try {
                Path tmp = Files.createTempDirectory("returns-world");
                shared = build(tmp);
                DemoReturnsWorld w = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> w.delete(tmp)));
            } catch (Exception e) {
                throw new IllegalStateException("cannot build the demo world for the returns tests", e);
            }
        }
        return shared;
    }

    private static DemoReturnsWorld build(Path tmp) throws Exception {
        Path world = tmp.resolve("world");
        DemoWorld.generate(world, new DemoWorld.Spec(300, 11, MADE, 8750));
        Clock station = Clock.fixed(STATION, ZoneOffset.UTC);
        try (NodeServer server = NodeServer.start(new InetSocketAddress("127.0.0.1", 0),
                new LogDirectory(world.resolve(DemoWorld.LOG)), Optional.empty())) {
            DemoWorld.setPort(world, server.base().getPort());
            StationSetup.Ready ready = (StationSetup.Ready) StationSetup.load(world.resolve(DemoWorld.STATION));
            StationConfig config = ready.config();
            MirrorStore store = StatementIndexer.openIndexed(config.ledger().mirror());
            MirrorSync sync = new MirrorSync(store, new LogFetcher(config.ledger().url(), new LogFetcher.Settings(
                    Duration.ofSeconds(10), 1, Duration.ofMillis(10), 2)), new PolicyVerifier(ready.policy(), station), station);
            LedgerMonitor monitor = new LedgerMonitor(store, sync, config.ledger().warnAfter(), config.ledger().blockAfter(),
                    station, Runnable::run);
            monitor.syncNow();
            if (!monitor.current().usable()) {
                throw new IllegalStateException("the demo world did not sync: " + monitor.current().summary());
            }
            return new DemoReturnsWorld(world, config, store, monitor);
        }
    }

    // At JVM exit: the mirror is closed and the world removed, so test runs leave no trees in the temp folder.
    private void delete(Path tmp) {
        try {
            store.close();
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (Exception e) {
            // best effort at shutdown: a leftover temp folder harms nothing
        }
    }

    /** The code scenarios.json gives for scenario {@code id} (e.g. {@code return-accepted}). */
    public String scan(String id) {
        String s = scans.get(id);
        if (s == null) {
            throw new UncheckedIOException(new IOException("no scenario " + id + " in " + dir));
        }
        return s;
    }

    /**
     * Packing's settings for this world's station, signing with the demo pharmacy's key
     * ({@code station.signingKey}) as the verified ledger registered it.
     */
    public dev.packguard.app.station.packing.PackingSettings settings(Path slips) {
        var verifier = dev.packguard.app.station.packing.PackingStation.verifierFor(config, store, MADE);
        return new dev.packguard.app.station.packing.PackingSettings(config.station().name(),
                config.station().pharmacyGln(), dev.packguard.app.station.packing.PackingSettings.DEFAULT_QUARANTINE_LABEL,
                java.time.Duration.ofDays(config.rules().undoWindowDays()), slips,
                dev.packguard.app.station.packing.PackingStation.signingFor(config, verifier));
    }

    /** The real rules over the synced mirror, in return mode, judging at {@code clock}. */
    public ReturnVerifier verifier(Clock clock) {
        return LedgerReturnVerifier.forStation(config, store, clock);
    }
}

package dev.packguard.ledger.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.tlog.MemoryTree;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorSyncTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private TestLogServer log;
    private MirrorStore store;
    private final List<SyncProgress> progress = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        log = new TestLogServer("example.org/packguard-test");
        store = MirrorStore.open(dir.resolve("mirror.db"));
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        log.close();
    }

    private SyncResult sync() throws MirrorStoreException {
        var settings = new LogFetcher.Settings(Duration.ofMillis(1500), 3, Duration.ofMillis(10), 4);
        return new MirrorSync(store, new LogFetcher(log.base(), settings), new BodyOnlyVerifier(), CLOCK)
                .sync(progress::add);
    }

    private long verifiedSize() throws MirrorStoreException {
        return store.verified().map(VerifiedCheckpoint::size).orElse(-1L);
    }

    @Test
    void sync_fromEmpty_mirrorsEveryEntryAndTheSignedRoot() throws Exception {
        log.append(1000, "a");
        SyncResult r = sync();
        assertThat(r).isInstanceOf(SyncResult.Synced.class);
        assertThat(((SyncResult.Synced) r).newEntries()).isEqualTo(1000);
        VerifiedCheckpoint cp = store.verified().orElseThrow();
        assertThat(cp.size()).isEqualTo(1000);
        assertThat(cp.note()).isEqualTo(log.file("checkpoint"));
        assertThat(store.bundle(3).orElseThrow().count()).isEqualTo(1000 - 3 * 256);
        assertThat(store.subtree(2)).isPresent();
        assertThat(store.subtree(3)).isEmpty();
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).entriesDone()).isEqualTo(1000);
    }

    @Test
    void sync_afterGrowth_fetchesOnlyNewBundlesAndExtendsTheEdge() throws Exception {
        log.append(300, "a");
        sync();
        log.append(600, "b");
        SyncResult r = sync();
        assertThat(r).isInstanceOf(SyncResult.Synced.class);
        assertThat(((SyncResult.Synced) r).newEntries()).isEqualTo(600);
        assertThat(verifiedSize()).isEqualTo(900);
        assertThat(log.hits("tile/entries/000")).isEqualTo(1);
        MemoryTree expect = new MemoryTree();
        for (int i = 0; i < 900; i++) {
            expect.appendEntry(("{\"entry\":" + i + ",\"tag\":\"" + (i < 300 ? "a" : "b") + "\"}").getBytes());
        }
        assertThat(store.verified().orElseThrow().root()).isEqualTo(expect.root());
    }

    @Test
    void sync_whenNothingNew_isUpToDate() throws Exception {
        log.append(10, "a");
        sync();
        assertThat(sync()).isInstanceOf(SyncResult.UpToDate.class);
    }

    @Test
    void sync_gzipResponses_areAccepted() throws Exception {
        log.append(600, "a");
        log.faults = path -> new TestLogServer.Gzip();
        assertThat(sync()).isInstanceOf(SyncResult.Synced.class);
        assertThat(verifiedSize()).isEqualTo(600);
    }

    @Test
    void sync_olderCheckpointOfTheSameHistory_isStaleNotEvidence() throws Exception {
        log.append(700, "a");
        sync();
        VerifiedCheckpoint before = store.verified().orElseThrow();
        log.publish(500); // e.g. a CDN serving a cached checkpoint
        SyncResult r = sync();
        assertThat(r).isInstanceOf(SyncResult.Offline.class);
        assertThat(((SyncResult.Offline) r).reason()).contains("older checkpoint", "500", "700");
        assertThat(store.evidence()).isEmpty();
        assertThat(store.verified().orElseThrow().root()).isEqualTo(before.root());
    }

    @Test
    void sync_smallerCheckpointContradictingTheEntries_isRollbackWithBothNotesKept() throws Exception {
        log.append(700, "a");
        sync();
        VerifiedCheckpoint before = store.verified().orElseThrow();
        log.serveOtherLog(500, "other");
        SyncResult r = sync();
        assertThat(r).isInstanceOf(SyncResult.SecurityFailure.class);
        assertThat(((SyncResult.SecurityFailure) r).reason()).contains("rollback");
        assertThat(store.evidence()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Evidence.Kind.ROLLBACK);
            assertThat(e.storedNote()).isEqualTo(before.note());
            assertThat(e.offeredNote()).isEqualTo(log.file("checkpoint"));
        });
        assertThat(store.verified().orElseThrow().root()).isEqualTo(before.root());
    }

    @Test
    void sync_sameSizeOtherRoot_isForkWithBothNotesKept() throws Exception {
        log.append(400, "a");
        sync();
        log.serveOtherLog(400, "other");
        SyncResult r = sync();
        assertThat(((SyncResult.SecurityFailure) r).evidence().orElseThrow().kind()).isEqualTo(Evidence.Kind.FORK);
        assertThat(verifiedSize()).isEqualTo(400);
    }

    @Test
    void sync_largerTreeThatRewritesHistory_isDetectedAndNotCommitted() throws Exception {
        log.append(300, "a");
        sync();
        log.serveOtherLog(600, "other");
        SyncResult r = sync();
        assertThat(r).isInstanceOf(SyncResult.SecurityFailure.class);
        // Unsigned entry bytes can be wrong on the way: this blocks the sync but is not evidence.
        assertThat(((SyncResult.SecurityFailure) r).evidence()).isEmpty();
        assertThat(store.evidence()).isEmpty();
        assertThat(verifiedSize()).isEqualTo(300);
    }

    @Test
    void sync_entriesNotMatchingSignedRoot_failsAndDiscardsThem() throws Exception {
        log.append(256, "a");
        sync();
        log.append(256, "b");
        byte[] bundle = log.file("tile/entries/001").clone();
        bundle[bundle.length - 3] ^= 0x01; // same shape, one byte of one entry changed
        log.put("tile/entries/001", bundle);
        SyncResult r = sync();
        assertThat(((SyncResult.SecurityFailure) r).reason()).contains("do not hash to the signed root");
        assertThat(verifiedSize()).isEqualTo(256);
        assertThat(store.bundle(1)).isEmpty();
    }

    @Test
    void sync_junkStoredByAnInterruptedSync_isFetchedAfreshAndNotHeldAgainstTheLog() throws Exception {
        log.append(256 * 3 + 10, "a");
        byte[] junk = log.file("tile/entries/001").clone();
        junk[junk.length - 3] ^= 0x01;
        log.faults = path -> switch (path) {
            case "tile/entries/001" -> new TestLogServer.Replace(junk);
            case "tile/entries/003.p/10" -> new TestLogServer.Status(503);
            default -> null;
        };
        assertThat(sync()).isInstanceOf(SyncResult.Offline.class); // the junk bundle is now stored as suspect
        log.faults = path -> null;
        SyncResult r = sync();
        assertThat(r).isInstanceOf(SyncResult.Synced.class);
        assertThat(log.hits("tile/entries/001")).isEqualTo(2);
        assertThat(store.evidence()).isEmpty();
    }

    @Test
    void sync_impossibleTreeSize_isRefusedWithoutAllocating() throws Exception {
        log.put("checkpoint", BodyOnlyVerifier.body(log.origin, (1L << 62) + 1, dev.packguard.ledger.tlog.TreeHash.emptyRoot()));
        SyncResult r = sync();
        assertThat(((SyncResult.SecurityFailure) r).reason()).contains("impossible tree size");
    }

    @Test
    void sync_truncatedBundle_isRefusedWithItsPath() throws Exception {
        log.append(300, "a");
        byte[] full = log.file("tile/entries/000");
        log.put("tile/entries/000", java.util.Arrays.copyOf(full, full.length - 5));
        SyncResult r = sync();
        assertThat(((SyncResult.SecurityFailure) r).reason()).contains("malformed", "tile/entries/000");
        assertThat(store.verified()).isEmpty();
    }

    @Test
    void sync_transientServerErrors_areRetried() throws Exception {
        log.append(300, "a");
        var failures = new java.util.concurrent.atomic.AtomicInteger();
        log.faults = path -> path.equals("tile/entries/000") && failures.getAndIncrement() < 2
                ? new TestLogServer.Status(503) : null;
        assertThat(sync()).isInstanceOf(SyncResult.Synced.class);
        assertThat(log.hits("tile/entries/000")).isEqualTo(3);
    }

    @Test
    void sync_persistentErrors_areOfflineThenResumeWithoutRefetching() throws Exception {
        log.append(256 * 3 + 10, "a");
        log.faults = path -> path.startsWith("tile/entries/003") ? new TestLogServer.Status(500) : null;
        SyncResult r = sync();
        assertThat(r).isInstanceOf(SyncResult.Offline.class);
        assertThat(((SyncResult.Offline) r).reason()).contains("tile/entries/003", "HTTP 500");
        assertThat(store.verified()).isEmpty();
        log.faults = path -> null;
        int before = log.hits("tile/entries/000");
        assertThat(sync()).isInstanceOf(SyncResult.Synced.class);
        assertThat(log.hits("tile/entries/000")).isEqualTo(before);
        assertThat(verifiedSize()).isEqualTo(256 * 3 + 10);
    }

    @Test
    void sync_unreachableLog_isOfflineAndKeepsTheLocalCopy() throws Exception {
        log.append(20, "a");
        sync();
        log.faults = path -> new TestLogServer.Status(404);
        SyncResult r = sync();
        assertThat(r).isInstanceOf(SyncResult.Offline.class);
        assertThat(((SyncResult.Offline) r).local()).isPresent();
        log.close();
        assertThat(sync()).isInstanceOf(SyncResult.Offline.class);
    }

    @Test
    void sync_tricklingServer_timesOut() throws Exception {
        log.append(20, "a");
        log.faults = path -> path.startsWith("tile/entries") ? new TestLogServer.Delay(2500) : null;
        SyncResult r = sync();
        assertThat(((SyncResult.Offline) r).reason()).contains("time limit");
        assertThat(store.verified()).isEmpty();
    }

    @Test
    void sync_oversizedCheckpoint_isRefused() throws Exception {
        log.append(20, "a");
        log.faults = path -> path.equals("checkpoint")
                ? new TestLogServer.Replace(new byte[(int) MirrorSync.CHECKPOINT_LIMIT + 70_000]) : null;
        SyncResult r = sync();
        assertThat(((SyncResult.Offline) r).reason()).contains("more than");
        assertThat(store.verified()).isEmpty();
    }

    @Test
    void sync_oversizedCheckpointWithoutLength_isCutOffAtTheLimit() throws Exception {
        log.append(20, "a");
        log.faults = path -> path.equals("checkpoint")
                ? new TestLogServer.Chunked(new byte[(int) MirrorSync.CHECKPOINT_LIMIT + 200_000]) : null;
        SyncResult r = sync();
        assertThat(((SyncResult.Offline) r).reason()).contains("more than " + MirrorSync.CHECKPOINT_LIMIT);
        assertThat(store.verified()).isEmpty();
    }

    @Test
    void sync_diskFull_throwsAndLeavesVerifiedStateIntact() throws Exception {
        log.append(256, "a");
        sync();
        log.append(256 * 40, "b");
        // SQLite reports SQLITE_FULL exactly as on a full disk when the file may not grow.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file())) {
            long pages;
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA page_count")) {
                pages = rs.getLong(1);
            }
            store.limitPagesForTest(pages + 2);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(this::sync)
                .isInstanceOf(MirrorStoreException.class)
                .hasMessageContaining("is full")
                .satisfies(e -> assertThat(((MirrorStoreException) e).diskFull()).isTrue());
        assertThat(verifiedSize()).isEqualTo(256);
    }
}

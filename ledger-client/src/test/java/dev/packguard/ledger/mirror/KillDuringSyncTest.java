package dev.packguard.ledger.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a sync: the database is never corrupt, never claims more than it
 * verified, and the next sync resumes from the bundles already stored. The sync runs in a child
 * JVM that the test kills with SIGKILL ({@link Process#destroyForcibly()} on Linux).
 */
class KillDuringSyncTest {
    @TempDir
    Path dir;

    private static long stagedBundles(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM bundle")) {
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            return 0; // not created yet, or busy
        }
    }

    @Test
    void killedSync_leavesConsistentMirrorAndNextSyncResumes() throws Exception {
        Path db = dir.resolve("mirror.db");
        try (TestLogServer log = new TestLogServer("example.org/kill-test")) {
            log.append(256 * 200, "a");
            // Bundles from 150 on are slow, so the child is certainly mid-sync when killed.
            log.faults = path -> path.startsWith("tile/entries/") && !path.endsWith(".p/1")
                    && path.compareTo("tile/entries/150") >= 0 ? new TestLogServer.Delay(20_000) : null;
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SyncChild.class.getName(), db.toString(),
                    log.base().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (stagedBundles(db) < 64 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(child.isAlive()).as("child still syncing").isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                    ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            log.faults = path -> null;
            int firstBundleHits = log.hits("tile/entries/000");
            try (MirrorStore store = MirrorStore.open(db)) {
                assertThat(store.verified()).as("nothing verified before the kill").isEmpty();
                var settings = new LogFetcher.Settings(Duration.ofSeconds(5), 2, Duration.ofMillis(10), 4);
                SyncResult r = new MirrorSync(store, new LogFetcher(log.base(), settings), new BodyOnlyVerifier(),
                        Clock.systemUTC()).sync(p -> { });
                assertThat(r).isInstanceOf(SyncResult.Synced.class);
                assertThat(store.verified().orElseThrow().size()).isEqualTo(256 * 200);
            }
            assertThat(log.hits("tile/entries/000")).as("stored bundles are reused, not fetched again")
                    .isEqualTo(firstBundleHits);
        }
    }
}

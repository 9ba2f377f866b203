package dev.packguard.ledger.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The derived index is written in the commit's transaction: never ahead of, never behind, the checkpoint. */
class EntryIndexerTest {
    @TempDir
    Path dir;

    /** Indexes each entry's tag; fails at {@code failAt} to simulate a database error mid-commit. */
    static final class TagIndexer implements EntryIndexer {
        long failAt = -1;

        @Override
        public List<String> schema() {
            return List.of("CREATE TABLE IF NOT EXISTS tag_index (idx INTEGER PRIMARY KEY, tag TEXT NOT NULL)");
        }

        @Override
        public List<String> drop() {
            return List.of("DROP TABLE IF EXISTS tag_index");
        }

        @Override
        public void index(Connection tx, long index, byte[] entry) throws SQLException {
            if (index == failAt) {
                throw new SQLException("simulated failure at " + index);
            }
            String text = new String(entry, StandardCharsets.UTF_8);
            try (PreparedStatement ps = tx.prepareStatement("INSERT INTO tag_index (idx, tag) VALUES (?, ?)")) {
                ps.setLong(1, index);
                ps.setString(2, text.substring(text.indexOf("\"tag\":\"") + 7, text.length() - 2));
                ps.executeUpdate();
            }
        }
    }

    private static long count(MirrorStore store, String tag) throws MirrorStoreException {
        return store.query(db -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM tag_index WHERE tag = ?")) {
                ps.setString(1, tag);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.getLong(1);
                }
            }
        });
    }

    private static SyncResult sync(MirrorStore store, TestLogServer log) throws MirrorStoreException {
        var settings = new LogFetcher.Settings(Duration.ofSeconds(5), 2, Duration.ofMillis(10), 4);
        return new MirrorSync(store, new LogFetcher(log.base(), settings), new BodyOnlyVerifier(), Clock.systemUTC())
                .sync(p -> { });
    }

    @Test
    void commit_indexesExactlyTheNewlyVerifiedEntries() throws Exception {
        TagIndexer indexer = new TagIndexer();
        try (TestLogServer log = new TestLogServer("example.org/index"); MirrorStore store =
                MirrorStore.open(dir.resolve("m.db"), indexer)) {
            log.append(300, "a");
            sync(store, log);
            log.append(500, "b");
            sync(store, log);
            assertThat(count(store, "a")).isEqualTo(300);
            assertThat(count(store, "b")).isEqualTo(500);
        }
    }

    @Test
    void indexFailure_rollsBackTheWholeCommit() throws Exception {
        TagIndexer indexer = new TagIndexer();
        try (TestLogServer log = new TestLogServer("example.org/index"); MirrorStore store =
                MirrorStore.open(dir.resolve("m.db"), indexer)) {
            log.append(300, "a");
            sync(store, log);
            log.append(500, "b");
            indexer.failAt = 600;
            assertThatThrownBy(() -> sync(store, log)).isInstanceOf(MirrorStoreException.class)
                    .hasMessageContaining("simulated failure at 600");
            assertThat(store.verified().orElseThrow().size()).isEqualTo(300);
            assertThat(count(store, "b")).isZero();
            indexer.failAt = -1;
            assertThat(sync(store, log)).isInstanceOf(SyncResult.Synced.class);
            assertThat(count(store, "b")).isEqualTo(500);
        }
    }

    @Test
    void rebuildIndex_reproducesTheIndexFromTheEntries() throws Exception {
        TagIndexer indexer = new TagIndexer();
        try (TestLogServer log = new TestLogServer("example.org/index"); MirrorStore store =
                MirrorStore.open(dir.resolve("m.db"), indexer)) {
            log.append(700, "a");
            sync(store, log);
            store.query(db -> db.createStatement().executeUpdate("DELETE FROM tag_index WHERE idx < 100"));
            assertThat(count(store, "a")).isEqualTo(600);
            store.rebuildIndex();
            assertThat(count(store, "a")).isEqualTo(700);
        }
    }

    @Test
    void rebuildIndex_reportsProgressAfterEachBundleUpToTheVerifiedSize() throws Exception {
        TagIndexer indexer = new TagIndexer();
        try (TestLogServer log = new TestLogServer("example.org/index"); MirrorStore store =
                MirrorStore.open(dir.resolve("m.db"), indexer)) {
            log.append(700, "a");
            sync(store, log);
            List<long[]> reports = new java.util.ArrayList<>();
            store.rebuildIndex((done, total) -> reports.add(new long[] {done, total}));
            // 700 entries are bundles of 256, 256 and 188 (tlog-tiles entry bundles are 256 wide).
            assertThat(reports).extracting(r -> r[0]).containsExactly(256L, 512L, 700L);
            assertThat(reports).extracting(r -> r[1]).containsOnly(700L);
        }
    }
}

package dev.packguard.ledger.mirror;

import dev.packguard.ledger.tlog.CompactRange;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.Parsed;
import dev.packguard.ledger.tlog.tiles.EntryBundle;
import dev.packguard.ledger.tlog.tiles.Tile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The station's copy of one transparency log in one SQLite file (WAL mode, one writer).
 *
 * <p>Invariant: the {@code checkpoint} row is the only authority. Entry bundles at or beyond its
 * size may be present (downloaded by an interrupted sync) but are <em>suspect</em>: nothing is
 * read from them until a later {@link #commit} covers them, which happens only after the sync
 * has re-hashed them into the root of a checkpoint that satisfied the policy. So the file never
 * claims more than was verified, whatever moment a process is killed at.
 *
 * <p>Schema (migration 1): {@code checkpoint} (one row), {@code bundle} (tlog-tiles entry
 * bundles as served, by bundle index), {@code subtree} (the level-8 hash of each full bundle,
 * for proofs), {@code evidence} (security failures with both notes). {@code PRAGMA user_version}
 * holds the migration number.
 */
public final class MirrorStore implements AutoCloseable {
    /** The newest schema migration this code knows. */
    public static final int SCHEMA_VERSION = 2;
    /** Entries per bundle and leaves per level-8 subtree, C2SP tlog-tiles. */
    public static final int BUNDLE_WIDTH = 256;

    private static final String[][] MIGRATIONS = {
        {
            """
            CREATE TABLE checkpoint (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              origin TEXT NOT NULL,
              size INTEGER NOT NULL CHECK (size >= 0),
              root BLOB NOT NULL CHECK (length(root) = 32),
              note BLOB NOT NULL,
              edge BLOB NOT NULL,
              newest_cosignature INTEGER,
              verified_at INTEGER NOT NULL)""",
            """
            CREATE TABLE bundle (
              idx INTEGER PRIMARY KEY,
              count INTEGER NOT NULL CHECK (count BETWEEN 1 AND 256),
              data BLOB NOT NULL)""",
            """
            CREATE TABLE subtree (
              idx INTEGER PRIMARY KEY,
              hash BLOB NOT NULL CHECK (length(hash) = 32))""",
            """
            CREATE TABLE evidence (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              kind TEXT NOT NULL,
              detected_at INTEGER NOT NULL,
              stored_note BLOB NOT NULL,
              offered_note BLOB NOT NULL,
              detail TEXT NOT NULL)""",
        },
        {
            // Migration 2: the pharmacist in charge acknowledges evidence after investigating it.
            "ALTER TABLE evidence ADD COLUMN acknowledged_at INTEGER",
            "ALTER TABLE evidence ADD COLUMN acknowledged_by TEXT",
            "ALTER TABLE evidence ADD COLUMN acknowledgement TEXT",
        },
    };

    private final Path file;
    private final Connection db;
    private final EntryIndexer indexer;

    private MirrorStore(Path file, Connection db, EntryIndexer indexer) {
        this.file = file;
        this.db = db;
        this.indexer = indexer;
    }

    /** Opens a plain mirror with no derived index: {@code open(file, EntryIndexer.NONE)}. */
    public static MirrorStore open(Path file) throws MirrorStoreException {
        return open(file, EntryIndexer.NONE);
    }

    /**
     * Opens (creating if needed) the mirror at {@code file} and brings its schema up to date in
     * one transaction. Refuses a file written by a newer PackGuard.
     */
    public static MirrorStore open(Path file, EntryIndexer indexer) throws MirrorStoreException {
        Path absolute = file.toAbsolutePath();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new MirrorStoreException("Cannot create the directory for the ledger mirror " + absolute
                    + ": " + e.getMessage() + ". Check the path in the station configuration and its permissions.", e, false);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        try {
            Connection db = config.createConnection("jdbc:sqlite:" + absolute);
            MirrorStore store = new MirrorStore(absolute, db, indexer);
            try {
                store.migrate();
            } catch (MirrorStoreException | RuntimeException e) {
                db.close();
                throw e;
            }
            return store;
        } catch (SQLException e) {
            throw failure("open", absolute, e);
        }
    }

    private void migrate() throws MirrorStoreException {
        try {
            int version;
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.getInt(1);
            }
            if (version > SCHEMA_VERSION) {
                throw new MirrorStoreException("The ledger mirror " + file + " was written by a newer PackGuard (schema "
                        + version + ", this version knows " + SCHEMA_VERSION + "). Update PackGuard on this station.",
                        null, false);
            }
            inTransaction(() -> {
                try (Statement st = db.createStatement()) {
                    for (int m = version; m < SCHEMA_VERSION; m++) {
                        for (String sql : MIGRATIONS[m]) {
                            st.execute(sql);
                        }
                    }
                    st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                    for (String sql : indexer.schema()) {
                        st.execute(sql);
                    }
                }
            });
        } catch (SQLException e) {
            throw failure("migrate", file, e);
        }
    }

    /** The SQLite file. */
    public Path file() {
        return file;
    }

    /** The newest verified checkpoint, or empty for a mirror that has never completed a sync. */
    public synchronized Optional<VerifiedCheckpoint> verified() throws MirrorStoreException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT origin, size, root, note, edge, newest_cosignature, verified_at FROM checkpoint WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Parsed<CompactRange> edge = CompactRange.parse(rs.getBytes(5));
            if (edge.failure().isPresent()) {
                throw new MirrorStoreException("The ledger mirror " + file + " is damaged (stored tree edge: "
                        + edge.failure().get() + "). Move the file aside and sync again.", null, false);
            }
            long cosig = rs.getLong(6);
            Optional<Instant> newest = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(cosig));
            return Optional.of(new VerifiedCheckpoint(rs.getString(1), rs.getLong(2), Hash.of(rs.getBytes(3)),
                    rs.getBytes(4), edge.ok().orElseThrow(), newest, Instant.ofEpochSecond(rs.getLong(7))));
        } catch (SQLException e) {
            throw failure("read the checkpoint of", file, e);
        } catch (IllegalArgumentException e) {
            throw new MirrorStoreException("The ledger mirror " + file + " is damaged (" + e.getMessage()
                    + "). Move the file aside and sync again.", e, false);
        }
    }

    /** A downloaded entry bundle: index, number of entries, bytes exactly as served. */
    public record BundleRow(long index, int count, byte[] data) {
        public BundleRow {
            if (index < 0 || count < 1 || count > BUNDLE_WIDTH) {
                throw new IllegalArgumentException("bad bundle row " + index + "/" + count);
            }
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /**
     * Stores downloaded, not yet verified bundles in one transaction, so an interrupted sync can
     * resume without downloading them again. A bundle whose entries all lie below the verified
     * size is never overwritten (that data is verified and immutable).
     */
    public synchronized void stage(List<BundleRow> rows) throws MirrorStoreException {
        long verifiedSize = verifiedSize();
        try {
            inTransaction(() -> {
                try (PreparedStatement ps = db.prepareStatement(
                        "INSERT OR REPLACE INTO bundle (idx, count, data) VALUES (?, ?, ?)")) {
                    for (BundleRow row : rows) {
                        if ((row.index() + 1) * BUNDLE_WIDTH <= verifiedSize) {
                            throw new IllegalArgumentException("bundle " + row.index()
                                    + " is complete and verified; it cannot be replaced");
                        }
                        ps.setLong(1, row.index());
                        ps.setInt(2, row.count());
                        ps.setBytes(3, row.data);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
        } catch (SQLException e) {
            throw failure("store downloaded entries in", file, e);
        }
    }

    /**
     * Forgets every suspect entry (at or beyond the verified size) in one transaction: after the
     * log served data that failed verification, none of it may be reused. The bundle that holds
     * the last verified entries is cut back to exactly those.
     */
    public synchronized void discardSuspect() throws MirrorStoreException {
        long size = verifiedSize();
        long boundary = size / BUNDLE_WIDTH;
        int keep = (int) (size % BUNDLE_WIDTH);
        Optional<BundleRow> straddling = keep == 0 ? Optional.empty() : bundle(boundary);
        try {
            inTransaction(() -> {
                try (PreparedStatement ps = db.prepareStatement("DELETE FROM bundle WHERE idx >= ?")) {
                    ps.setLong(1, keep == 0 ? boundary : boundary + 1);
                    ps.executeUpdate();
                }
                if (straddling.isPresent() && straddling.get().count() > keep) {
                    BundleRow row = straddling.get();
                    Parsed<EntryBundle> parsed = EntryBundle.parse(new Tile(0, boundary, row.count()), row.data);
                    if (parsed.ok().isEmpty()) {
                        throw new SQLException("stored bundle " + boundary + " is damaged: " + parsed.failure().get());
                    }
                    try (PreparedStatement ps = db.prepareStatement("UPDATE bundle SET count = ?, data = ? WHERE idx = ?")) {
                        ps.setInt(1, keep);
                        ps.setBytes(2, EntryBundle.encode(parsed.ok().get().entries().subList(0, keep)));
                        ps.setLong(3, boundary);
                        ps.executeUpdate();
                    }
                }
            });
        } catch (SQLException e) {
            throw failure("discard unverified entries from", file, e);
        }
    }

    /** The stored bytes of bundle {@code index} and its entry count, verified or suspect. */
    public synchronized Optional<BundleRow> bundle(long index) throws MirrorStoreException {
        try (PreparedStatement ps = db.prepareStatement("SELECT count, data FROM bundle WHERE idx = ?")) {
            ps.setLong(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new BundleRow(index, rs.getInt(1), rs.getBytes(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read entries from", file, e);
        }
    }

    /**
     * Verified entry {@code index}: present only below the verified size, however much suspect
     * data an interrupted sync left beyond it.
     */
    public synchronized Optional<byte[]> entry(long index) throws MirrorStoreException {
        long size = verifiedSize();
        if (index < 0 || index >= size) {
            return Optional.empty();
        }
        Optional<EntryBundle> bundle = verifiedBundle(index / BUNDLE_WIDTH);
        return bundle.map(b -> b.entry((int) (index % BUNDLE_WIDTH)));
    }

    /** The parsed bundle {@code index}, which must hold verified entries; damage is reported, not hidden. */
    synchronized Optional<EntryBundle> verifiedBundle(long index) throws MirrorStoreException {
        Optional<BundleRow> row = bundle(index);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Parsed<EntryBundle> parsed = EntryBundle.parse(new Tile(0, index, row.get().count()), row.get().data);
        if (parsed.failure().isPresent()) {
            throw new MirrorStoreException("The ledger mirror " + file + " is damaged (bundle " + index + ": "
                    + parsed.failure().get() + "). Move the file aside and sync again.", null, false);
        }
        return parsed.ok();
    }

    /** The level-8 hash of full bundle {@code index}, present once it is verified. */
    public synchronized Optional<Hash> subtree(long index) throws MirrorStoreException {
        try (PreparedStatement ps = db.prepareStatement("SELECT hash FROM subtree WHERE idx = ?")) {
            ps.setLong(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Hash.of(rs.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read hashes from", file, e);
        }
    }

    /** The hash of a full, verified bundle's subtree, written with the checkpoint that covers it. */
    public record SubtreeRow(long index, Hash hash) {
    }

    /**
     * Advances the verified state to {@code next} in one transaction, with the subtree hashes of
     * the bundles it completes. Refuses to go backwards or to change origin: those are decided
     * (and reported as evidence) by the sync before it gets here.
     */
    public synchronized void commit(VerifiedCheckpoint next, List<SubtreeRow> subtrees) throws MirrorStoreException {
        Optional<VerifiedCheckpoint> current = verified();
        if (current.isPresent()) {
            if (!current.get().origin().equals(next.origin())) {
                throw new IllegalArgumentException("origin changes from " + current.get().origin() + " to " + next.origin());
            }
            if (next.size() < current.get().size()) {
                throw new IllegalArgumentException("verified size cannot shrink from " + current.get().size()
                        + " to " + next.size());
            }
        }
        long from = current.map(VerifiedCheckpoint::size).orElse(0L);
        try {
            inTransaction(() -> {
                indexEntries(from, next.size(), IndexProgress.NONE);
                try (PreparedStatement ps = db.prepareStatement(
                        "INSERT OR REPLACE INTO subtree (idx, hash) VALUES (?, ?)")) {
                    for (SubtreeRow row : subtrees) {
                        if ((row.index() + 1) * BUNDLE_WIDTH > next.size()) {
                            throw new IllegalArgumentException("subtree " + row.index() + " is not complete at size " + next.size());
                        }
                        ps.setLong(1, row.index());
                        ps.setBytes(2, row.hash().bytes());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = db.prepareStatement("""
                        INSERT OR REPLACE INTO checkpoint
                          (id, origin, size, root, note, edge, newest_cosignature, verified_at)
                        VALUES (1, ?, ?, ?, ?, ?, ?, ?)""")) {
                    ps.setString(1, next.origin());
                    ps.setLong(2, next.size());
                    ps.setBytes(3, next.root().bytes());
                    ps.setBytes(4, next.note());
                    ps.setBytes(5, next.edge().serialise());
                    if (next.newestCosignature().isPresent()) {
                        ps.setLong(6, next.newestCosignature().get().getEpochSecond());
                    } else {
                        ps.setNull(6, java.sql.Types.INTEGER);
                    }
                    ps.setLong(7, next.verifiedAt().getEpochSecond());
                    ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw failure("save the verified checkpoint in", file, e);
        }
    }

    /** Hands entries [from, to) to the indexer, bundle by bundle; the caller holds the transaction. */
    private void indexEntries(long from, long to, IndexProgress progress) throws SQLException {
        if (indexer == EntryIndexer.NONE || from >= to) {
            return;
        }
        for (long b = from / BUNDLE_WIDTH; b * BUNDLE_WIDTH < to; b++) {
            Optional<EntryBundle> bundle;
            try {
                bundle = verifiedBundle(b);
            } catch (MirrorStoreException e) {
                throw new SQLException(e.getMessage(), e);
            }
            if (bundle.isEmpty()) {
                throw new SQLException("bundle " + b + " is missing while indexing entries " + from + " to " + to);
            }
            long first = b * BUNDLE_WIDTH;
            for (int i = (int) Math.max(0, from - first); i < bundle.get().size() && first + i < to; i++) {
                indexer.index(db, first + i, bundle.get().entry(i));
            }
            progress.indexed(Math.min(to, first + bundle.get().size()) - from, to - from);
        }
        indexer.flush(db);
    }

    /**
     * Drops the index tables and rebuilds them from the verified entries, in one transaction;
     * for a new PackGuard version whose index differs, or after damage.
     */
    public synchronized void rebuildIndex() throws MirrorStoreException {
        rebuildIndex(IndexProgress.NONE);
    }

    /**
     * How far an index rebuild has got, reported after each bundle on the rebuilding thread:
     * {@code done} of {@code total} entries. Rebuilding 4,000,000 entries takes minutes, and a
     * station shows this while its operator waits.
     */
    @FunctionalInterface
    public interface IndexProgress {
        void indexed(long done, long total);

        /** Reports nothing. */
        IndexProgress NONE = (done, total) -> { };
    }

    /** As {@link #rebuildIndex()}, telling {@code progress} after each bundle. */
    public synchronized void rebuildIndex(IndexProgress progress) throws MirrorStoreException {
        long size = verifiedSize();
        try {
            inTransaction(() -> {
                try (Statement st = db.createStatement()) {
                    for (String sql : indexer.drop()) {
                        st.execute(sql);
                    }
                    for (String sql : indexer.schema()) {
                        st.execute(sql);
                    }
                }
                indexEntries(0, size, progress);
            });
        } catch (SQLException e) {
            throw failure("rebuild the index of", file, e);
        }
    }

    /** A read of the index tables (or anything else) on the mirror's connection. */
    @FunctionalInterface
    public interface Query<T> {
        T run(Connection db) throws SQLException;
    }

    /**
     * Runs {@code query} against the mirror; reads see only committed, verified state. The
     * connection must not be kept or written to.
     */
    public synchronized <T> T query(Query<T> query) throws MirrorStoreException {
        try {
            return query.run(db);
        } catch (SQLException e) {
            throw failure("query", file, e);
        }
    }

    /** Records a detected security failure; evidence is never deleted by PackGuard. */
    public synchronized void recordEvidence(Evidence evidence) throws MirrorStoreException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO evidence (kind, detected_at, stored_note, offered_note, detail) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, evidence.kind().name());
            ps.setLong(2, evidence.detectedAt().getEpochSecond());
            ps.setBytes(3, evidence.storedNote());
            ps.setBytes(4, evidence.offeredNote());
            ps.setString(5, evidence.detail());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("record security evidence in", file, e);
        }
    }

    /** Every recorded security failure, oldest first. */
    public synchronized List<Evidence> evidence() throws MirrorStoreException {
        List<Evidence> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT kind, detected_at, stored_note, offered_note, detail FROM evidence ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Evidence(Evidence.Kind.valueOf(rs.getString(1)), Instant.ofEpochSecond(rs.getLong(2)),
                        rs.getBytes(3), rs.getBytes(4), rs.getString(5)));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read security evidence from", file, e);
        }
    }

    /** A piece of recorded evidence, its row id, and its acknowledgement once the pharmacist in charge gave one. */
    public record RecordedEvidence(long id, Evidence evidence, Optional<Acknowledgement> acknowledgement) {
    }

    /** Who looked into a piece of evidence, when, and what they concluded. */
    public record Acknowledgement(String by, Instant at, String note) {
    }

    /** Every recorded security failure with its id and acknowledgement, oldest first. */
    public synchronized List<RecordedEvidence> recordedEvidence() throws MirrorStoreException {
        List<RecordedEvidence> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT id, kind, detected_at, stored_note, offered_note, detail,"
                + " acknowledged_at, acknowledged_by, acknowledgement FROM evidence ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Evidence e = new Evidence(Evidence.Kind.valueOf(rs.getString(2)), Instant.ofEpochSecond(rs.getLong(3)),
                        rs.getBytes(4), rs.getBytes(5), rs.getString(6));
                long at = rs.getLong(7);
                Optional<Acknowledgement> ack = rs.wasNull() ? Optional.empty()
                        : Optional.of(new Acknowledgement(rs.getString(8), Instant.ofEpochSecond(at), rs.getString(9)));
                out.add(new RecordedEvidence(rs.getLong(1), e, ack));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read security evidence from", file, e);
        }
    }

    /** How many recorded security failures nobody has acknowledged yet; verification is blocked while any are. */
    public synchronized int unacknowledgedEvidence() throws MirrorStoreException {
        try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM evidence WHERE acknowledged_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            return rs.getInt(1);
        } catch (SQLException e) {
            throw failure("read security evidence from", file, e);
        }
    }

    /**
     * Records that {@code by} investigated evidence {@code id} and what they found. The evidence
     * itself stays; returns false when there is no such unacknowledged evidence.
     */
    public synchronized boolean acknowledge(long id, String by, String note, Instant at) throws MirrorStoreException {
        if (by.isBlank() || note.isBlank()) {
            throw new IllegalArgumentException("an acknowledgement names who investigated and what they found");
        }
        try (PreparedStatement ps = db.prepareStatement("UPDATE evidence SET acknowledged_at = ?, acknowledged_by = ?,"
                + " acknowledgement = ? WHERE id = ? AND acknowledged_at IS NULL")) {
            ps.setLong(1, at.getEpochSecond());
            ps.setString(2, by.strip());
            ps.setString(3, note.strip());
            ps.setLong(4, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("record the acknowledgement in", file, e);
        }
    }

    private long verifiedSize() throws MirrorStoreException {
        return verified().map(VerifiedCheckpoint::size).orElse(0L);
    }

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(Work work) throws SQLException {
        db.setAutoCommit(false);
        try {
            work.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            // After SQLITE_FULL SQLite has already rolled back; keep the original error either way.
            try {
                db.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            restoreAutoCommit(e);
            throw e;
        }
        restoreAutoCommit(null);
    }

    private void restoreAutoCommit(Exception pending) throws SQLException {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            if (pending == null) {
                throw e;
            }
            pending.addSuppressed(e);
        }
    }

    private static MirrorStoreException failure(String action, Path file, SQLException e) {
        boolean full = e instanceof SQLiteException se && (se.getResultCode() == SQLiteErrorCode.SQLITE_FULL);
        String message;
        if (full) {
            message = "The disk holding the ledger mirror " + file + " is full. Free some space and sync again;"
                    + " the mirror is unchanged.";
        } else if (e instanceof SQLiteException se && se.getResultCode() == SQLiteErrorCode.SQLITE_READONLY) {
            message = "The ledger mirror " + file + " is read-only. Check the file's permissions.";
        } else if (e instanceof SQLiteException se && (se.getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT
                || se.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB)) {
            message = "The ledger mirror " + file + " is not a valid database (" + e.getMessage()
                    + "). Move the file aside and sync again to rebuild it.";
        } else {
            message = "Cannot " + action + " the ledger mirror " + file + ": " + e.getMessage();
        }
        return new MirrorStoreException(message, e, full);
    }

    /**
     * Caps the file at {@code pages} database pages, so a test gets SQLite's real "database or
     * disk is full" error without filling a disk.
     */
    synchronized void limitPagesForTest(long pages) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("PRAGMA max_page_count = " + pages);
        }
    }

    @Override
    public synchronized void close() throws MirrorStoreException {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure("close", file, e);
        }
    }
}

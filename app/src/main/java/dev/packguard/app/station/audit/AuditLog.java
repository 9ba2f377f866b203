package dev.packguard.app.station.audit;

import dev.packguard.app.station.CheckpointRef;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The station's tamper-evident audit log: a SQLite file (WAL, numbered migrations) of
 * hash-chained records ({@link AuditChain}). Each {@link #append} is one transaction that writes
 * the record and moves the head, so the file never holds half a record. One connection, one
 * writer: callers on several threads are serialised here.
 *
 * <p>The chain detects edited, removed, inserted and reordered rows. It cannot by itself detect
 * a rewrite of the whole chain from some record on by someone who also recomputes every later
 * hash; exports and the head hash shown at start are the anchors against that (docs/AUDIT.md).
 */
public final class AuditLog implements AutoCloseable {
    // Numbered migrations: index + 1 is the schema version. Append only; never edit one.
    private static final List<String[]> MIGRATIONS = List.<String[]>of(new String[] {
        """
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            time TEXT NOT NULL,
            kind TEXT NOT NULL,
            operator TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail TEXT NOT NULL,
            cp_origin TEXT,
            cp_size INTEGER,
            cp_root TEXT,
            prev TEXT NOT NULL,
            hash TEXT NOT NULL)""",
        "CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL, hash TEXT NOT NULL)",
        "INSERT INTO audit_head (id, count, hash) VALUES (1, 0, '" + AuditChain.GENESIS_HEX + "')"});

    private final Connection db;
    private final Clock clock;
    private final Path file;

    private AuditLog(Connection db, Clock clock, Path file) {
        this.db = db;
        this.clock = clock;
        this.file = file;
    }

    /** Opens (creating and migrating if needed) the audit log in {@code file}. Does not check it: call {@link #check}. */
    public static AuditLog open(Path file, Clock clock) throws AuditException {
        Objects.requireNonNull(clock, "clock");
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("PRAGMA busy_timeout=5000");
                migrate(db, st);
            } catch (SQLException e) {
                db.close();
                throw e;
            }
            return new AuditLog(db, clock, file);
        } catch (SQLException e) {
            throw new AuditException("Cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(Connection db, Statement st) throws SQLException {
        int version;
        try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > MIGRATIONS.size()) {
            throw new SQLException("the audit log has schema version " + version
                    + ", newer than this PackGuard knows (" + MIGRATIONS.size() + ")");
        }
        for (int v = version; v < MIGRATIONS.size(); v++) {
            db.setAutoCommit(false);
            try {
                for (String sql : MIGRATIONS.get(v)) {
                    st.execute(sql);
                }
                st.execute("PRAGMA user_version=" + (v + 1));
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }

    /** The file this log lives in. */
    public Path file() {
        return file;
    }

    /**
     * Appends {@code entry} as the next record, in one transaction, and returns it. Throws when
     * the record could not be written: the caller must then stop, since the decision is not on
     * record.
     */
    public synchronized AuditRecord append(AuditEntry entry) throws AuditException {
        return appendAll(List.of(entry)).get(0);
    }

    /**
     * Appends {@code entries} (at least one) as the next records, in order, with one time, in one
     * transaction: all are on record or none is. One commit is one fsync (WAL, synchronous=FULL),
     * the largest part of a scan's time (docs/PERFORMANCE.md "Station"), so a scan and its verdict
     * go together. Throws as {@link #append}.
     */
    public synchronized List<AuditRecord> appendAll(List<AuditEntry> entries) throws AuditException {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no audit entries");
        }
        entries.forEach(e -> Objects.requireNonNull(e, "entry"));
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            db.setAutoCommit(false);
            try {
                long count;
                String prev;
                try (Statement st = db.createStatement();
                        ResultSet rs = st.executeQuery("SELECT count, hash FROM audit_head WHERE id = 1")) {
                    if (!rs.next()) {
                        throw new SQLException("the audit head row is missing");
                    }
                    count = rs.getLong(1);
                    prev = rs.getString(2);
                }
                List<AuditRecord> written = new ArrayList<>();
                try (PreparedStatement ins = db.prepareStatement("INSERT INTO audit (seq, time, kind, operator, "
                        + "subject, detail, cp_origin, cp_size, cp_root, prev, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                    for (AuditEntry entry : entries) {
                        long seq = count + 1;
                        String hash = AuditChain.link(prev, AuditChain.canonical(seq, time, entry));
                        ins.setLong(1, seq);
                        ins.setString(2, time.toString());
                        ins.setString(3, entry.kind().name());
                        ins.setString(4, entry.operator());
                        ins.setString(5, entry.subject());
                        ins.setString(6, entry.detail());
                        Optional<CheckpointRef> cp = entry.checkpoint();
                        ins.setString(7, cp.map(CheckpointRef::origin).orElse(null));
                        if (cp.isPresent()) {
                            ins.setLong(8, cp.get().size());
                        } else {
                            ins.setNull(8, java.sql.Types.INTEGER);
                        }
                        ins.setString(9, cp.map(CheckpointRef::rootHex).orElse(null));
                        ins.setString(10, prev);
                        ins.setString(11, hash);
                        ins.executeUpdate();
                        written.add(new AuditRecord(seq, time, entry, prev, hash));
                        count = seq;
                        prev = hash;
                    }
                }
                try (PreparedStatement up = db.prepareStatement("UPDATE audit_head SET count = ?, hash = ? WHERE id = 1")) {
                    up.setLong(1, count);
                    up.setString(2, prev);
                    up.executeUpdate();
                }
                db.commit();
                return List.copyOf(written);
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new AuditException("Cannot write to the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Walks the whole chain and compares its end with the stored head; names the first broken record. */
    public synchronized AuditCheck check() throws AuditException {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT seq, time, kind, operator, subject, detail, cp_origin, "
                    + "cp_size, cp_root, prev, hash FROM audit ORDER BY seq")) {
                while (rs.next()) {
                    Optional<AuditRecord> r = row(rs);
                    if (r.isEmpty()) {
                        return new AuditCheck.Tampered(rs.getLong(1), "it holds values no PackGuard writes (it was edited)");
                    }
                    verifier.add(r.get());
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count, hash FROM audit_head WHERE id = 1")) {
                if (!rs.next()) {
                    return new AuditCheck.Tampered(1, "the record of the log's head was removed");
                }
                return verifier.finish(rs.getLong(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new AuditException("Cannot read the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every record, oldest first, as stored (not checked: call {@link #check} first). */
    public synchronized List<AuditRecord> records() throws AuditException {
        List<AuditRecord> out = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT seq, time, kind, operator, subject, detail, cp_origin, "
                        + "cp_size, cp_root, prev, hash FROM audit ORDER BY seq")) {
            while (rs.next()) {
                row(rs).ifPresent(out::add);
            }
            return out;
        } catch (SQLException e) {
            throw new AuditException("Cannot read the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Up to {@code limit} records matching {@code filter} with a sequence number below
     * {@code beforeSeq}, newest first: one page of the audit view. The next page starts below the
     * last record's {@code seq}. Done in SQL, so a log of any size is never read whole. Rows that
     * hold values no PackGuard writes are left out ({@link #check} names them).
     */
    public synchronized List<AuditRecord> page(AuditFilter filter, long beforeSeq, int limit) throws AuditException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(beforeSeq);
        args.add(limit);
        List<AuditRecord> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT seq, time, kind, operator, subject, detail, cp_origin, "
                + "cp_size, cp_root, prev, hash FROM audit WHERE " + where + " AND seq < ? ORDER BY seq DESC LIMIT ?")) {
            bind(q, args);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    row(rs).ifPresent(out::add);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AuditException("Cannot read the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    /** How many records match {@code filter}. */
    public synchronized long count(AuditFilter filter) throws AuditException {
        List<Object> args = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM audit WHERE " + where(filter, args))) {
            bind(q, args);
            try (ResultSet rs = q.executeQuery()) {
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AuditException("Cannot read the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    // Only placeholders reach SQL; the texts are bound, never spliced in.
    private static String where(AuditFilter f, List<Object> args) {
        StringBuilder w = new StringBuilder("1 = 1");
        f.kind().ifPresent(k -> {
            w.append(" AND kind = ?");
            args.add(k.name());
        });
        f.operator().ifPresent(o -> {
            w.append(" AND operator = ?");
            args.add(o);
        });
        f.text().ifPresent(t -> {
            String like = "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            w.append(" AND (subject LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\')");
            args.add(like);
            args.add(like);
        });
        // Times are ISO-8601 UTC; their first 10 characters are the day, whatever the fraction of a second.
        f.from().ifPresent(d -> {
            w.append(" AND substr(time, 1, 10) >= ?");
            args.add(d.toString());
        });
        f.to().ifPresent(d -> {
            w.append(" AND substr(time, 1, 10) <= ?");
            args.add(d.toString());
        });
        return w.toString();
    }

    private static void bind(PreparedStatement q, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) {
                q.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                q.setInt(i + 1, n);
            } else {
                q.setString(i + 1, (String) a);
            }
        }
    }

    // Empty when the row holds values the constructors refuse: only tampering puts them there.
    private static Optional<AuditRecord> row(ResultSet rs) throws SQLException {
        try {
            Optional<CheckpointRef> cp = rs.getString(7) == null ? Optional.empty()
                    : Optional.of(new CheckpointRef(rs.getString(7), rs.getLong(8), rs.getString(9)));
            AuditEntry entry = new AuditEntry(AuditKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                    rs.getString(6), cp);
            return Optional.of(new AuditRecord(rs.getLong(1), Instant.parse(rs.getString(2)), entry,
                    rs.getString(10), rs.getString(11)));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() throws AuditException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new AuditException("Cannot close the audit log " + file + ": " + e.getMessage(), e);
        }
    }
}

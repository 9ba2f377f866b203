package dev.packguard.app.station.packing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The station's own statements waiting to be published to the ledger (dispense, undo, suspect
 * reports, returns to stock), and the record of sealed orders that undo needs. SQLite, WAL, numbered migrations;
 * every multi-row change is one transaction, so a sealed order and its statements are stored
 * together or not at all. Publishing marks entries as sent; until then they stay here, which
 * is how the station keeps working offline.
 */
public final class Outbox implements AutoCloseable {
    private static final List<String[]> MIGRATIONS = List.<String[]>of(new String[] {
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            payload TEXT NOT NULL,
            published TEXT)""",
        "CREATE TABLE sealed_order (order_id TEXT PRIMARY KEY, sealed_at TEXT NOT NULL, operator TEXT NOT NULL, "
                + "undone_at TEXT)",
        "CREATE TABLE sealed_unit (order_id TEXT NOT NULL REFERENCES sealed_order (order_id), gtin TEXT NOT NULL, "
                + "serial TEXT NOT NULL, PRIMARY KEY (order_id, gtin, serial))"});

    /** What an outbox entry asks the ledger to record. */
    public enum Kind {
        DISPENSE, UNDO_DISPENSE, SUSPECT_REPORT, RETURNED
    }

    /** One statement waiting to be published. */
    public record Entry(long id, Instant created, Kind kind, String subject, String payload, Optional<Instant> published) {
    }

    /** A statement to add. */
    public record NewEntry(Kind kind, String subject, String payload) {
        public NewEntry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** An order that was packed and sealed, and whether it was undone. */
    public record SealedOrder(String orderId, Instant sealedAt, String operator, List<UnitKey> units,
            Optional<Instant> undoneAt) {
    }

    private final Connection db;
    private final Path file;

    private Outbox(Connection db, Path file) {
        this.db = db;
        this.file = file;
    }

    /** Opens (creating and migrating if needed) the outbox in {@code file}. */
    public static Outbox open(Path file) throws OutboxException {
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("PRAGMA busy_timeout=5000");
                int version;
                try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                    version = rs.getInt(1);
                }
                if (version > MIGRATIONS.size()) {
                    throw new SQLException("schema version " + version + " is newer than this PackGuard knows");
                }
                for (int v = version; v < MIGRATIONS.size(); v++) {
                    db.setAutoCommit(false);
                    for (String sql : MIGRATIONS.get(v)) {
                        st.execute(sql);
                    }
                    st.execute("PRAGMA user_version=" + (v + 1));
                    db.commit();
                    db.setAutoCommit(true);
                }
            } catch (SQLException e) {
                db.close();
                throw e;
            }
            return new Outbox(db, file);
        } catch (SQLException e) {
            throw new OutboxException("Cannot open the outbox " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records a sealed order, its units and its statements, in one transaction. */
    public synchronized void recordSeal(String orderId, String operator, Instant at, List<UnitKey> units,
            List<NewEntry> statements) throws OutboxException {
        transaction("record the sealed order " + orderId, () -> {
            try (PreparedStatement so = db.prepareStatement(
                    "INSERT INTO sealed_order (order_id, sealed_at, operator) VALUES (?, ?, ?)")) {
                so.setString(1, orderId);
                so.setString(2, at.toString());
                so.setString(3, operator);
                so.executeUpdate();
            }
            try (PreparedStatement su = db.prepareStatement(
                    "INSERT INTO sealed_unit (order_id, gtin, serial) VALUES (?, ?, ?)")) {
                for (UnitKey u : units) {
                    su.setString(1, orderId);
                    su.setString(2, u.gtin());
                    su.setString(3, u.serial());
                    su.addBatch();
                }
                su.executeBatch();
            }
            insert(at, statements);
        });
    }

    /** Marks {@code orderId} undone and queues the undo statements, in one transaction. */
    public synchronized void recordUndo(String orderId, Instant at, List<NewEntry> statements) throws OutboxException {
        transaction("record the undo of " + orderId, () -> {
            try (PreparedStatement up = db.prepareStatement(
                    "UPDATE sealed_order SET undone_at = ? WHERE order_id = ? AND undone_at IS NULL")) {
                up.setString(1, at.toString());
                up.setString(2, orderId);
                if (up.executeUpdate() != 1) {
                    throw new SQLException("order " + orderId + " is not sealed or already undone");
                }
            }
            insert(at, statements);
        });
    }

    /** Queues one statement (a suspect-product report). */
    public synchronized void add(Instant at, NewEntry statement) throws OutboxException {
        transaction("queue a " + statement.kind() + " statement", () -> insert(at, List.of(statement)));
    }

    /** The sealed order {@code orderId}, if there is one. */
    public synchronized Optional<SealedOrder> sealed(String orderId) throws OutboxException {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT sealed_at, operator, undone_at FROM sealed_order WHERE order_id = ?");
                PreparedStatement u = db.prepareStatement(
                        "SELECT gtin, serial FROM sealed_unit WHERE order_id = ? ORDER BY gtin, serial")) {
            q.setString(1, orderId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<UnitKey> units = new ArrayList<>();
                u.setString(1, orderId);
                try (ResultSet ur = u.executeQuery()) {
                    while (ur.next()) {
                        units.add(new UnitKey(ur.getString(1), ur.getString(2)));
                    }
                }
                return Optional.of(new SealedOrder(orderId, Instant.parse(rs.getString(1)), rs.getString(2), units,
                        Optional.ofNullable(rs.getString(3)).map(Instant::parse)));
            }
        } catch (SQLException e) {
            throw new OutboxException("Cannot read the outbox " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The orders sealed at or after {@code since} and not undone, newest first: what an undo may
     * still reverse (the undo window is the caller's).
     */
    public synchronized List<SealedOrder> sealedSince(Instant since) throws OutboxException {
        List<String> ids = new ArrayList<>();
        // Times are ISO-8601 UTC of varying length: SQL narrows by day (the first 10 characters), Java compares instants.
        try (PreparedStatement q = db.prepareStatement("SELECT order_id, sealed_at FROM sealed_order "
                + "WHERE undone_at IS NULL AND substr(sealed_at, 1, 10) >= ?")) {
            q.setString(1, since.toString().substring(0, 10));
            ResultSet rs = q.executeQuery();
            List<Map.Entry<Instant, String>> found = new ArrayList<>();
            while (rs.next()) {
                Instant at = Instant.parse(rs.getString(2));
                if (!at.isBefore(since)) {
                    found.add(Map.entry(at, rs.getString(1)));
                }
            }
            found.sort(Map.Entry.<Instant, String>comparingByKey().reversed());
            found.forEach(e -> ids.add(e.getValue()));
        } catch (SQLException | java.time.format.DateTimeParseException e) {
            throw new OutboxException("Cannot read the outbox " + file + ": " + e.getMessage(), e);
        }
        List<SealedOrder> out = new ArrayList<>();
        for (String id : ids) {
            sealed(id).ifPresent(out::add);
        }
        return out;
    }

    /** Every statement not yet published, oldest first. */
    public synchronized List<Entry> pending() throws OutboxException {
        List<Entry> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, created, kind, subject, payload FROM outbox WHERE published IS NULL ORDER BY id")) {
            while (rs.next()) {
                out.add(new Entry(rs.getLong(1), Instant.parse(rs.getString(2)), Kind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), Optional.empty()));
            }
            return out;
        } catch (SQLException e) {
            throw new OutboxException("Cannot read the outbox " + file + ": " + e.getMessage(), e);
        }
    }

    private void insert(Instant at, List<NewEntry> statements) throws SQLException {
        try (PreparedStatement ins = db.prepareStatement(
                "INSERT INTO outbox (created, kind, subject, payload) VALUES (?, ?, ?, ?)")) {
            for (NewEntry e : statements) {
                ins.setString(1, at.toString());
                ins.setString(2, e.kind().name());
                ins.setString(3, e.subject());
                ins.setString(4, e.payload());
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private void transaction(String what, Work work) throws OutboxException {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new OutboxException("Cannot " + what + " in the outbox " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws OutboxException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new OutboxException("Cannot close the outbox " + file + ": " + e.getMessage(), e);
        }
    }
}

package dev.packguard.app.station.packing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The {@link Outbox}'s SQLite tables: numbered migrations and the row reads and writes it shares. */
final class OutboxTables {
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
                + "serial TEXT NOT NULL, PRIMARY KEY (order_id, gtin, serial))"}, new String[] {
        // v2: statements are signed entries and get published; v1 rows were unsigned bodies no node accepts.
        "ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'PENDING'",
        "ALTER TABLE outbox ADD COLUMN order_id TEXT",
        "ALTER TABLE outbox ADD COLUMN log_index INTEGER",
        "ALTER TABLE outbox ADD COLUMN note TEXT",
        "ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
        "UPDATE outbox SET state = 'CANCELLED', note = 'recorded unsigned by an earlier PackGuard version; never published'",
        "CREATE INDEX outbox_state ON outbox (state, id)",
        "CREATE INDEX outbox_order ON outbox (order_id, kind)"}, new String[] {
        // v3: the PIN-entry lock outlives a restart (PinLockTable); one row, the station's.
        "CREATE TABLE pin_lock (id INTEGER PRIMARY KEY CHECK (id = 1), failures INTEGER NOT NULL CHECK (failures >= 0), "
                + "locked_until TEXT)"});

    private OutboxTables() {
    }

    /** WAL, full sync, foreign keys; applies the migrations the file lacks, each in one transaction. */
    static void migrate(Connection db) throws SQLException {
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
        }
    }

    interface Params {
        void set(PreparedStatement q) throws SQLException;
    }

    static List<Outbox.Entry> query(Connection db, String where, Params params) throws SQLException {
        List<Outbox.Entry> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT id, created, kind, subject, payload, published, state, "
                + "log_index, note FROM outbox " + where)) {
            params.set(q);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long index = rs.getLong(8);
                    OptionalLong logIndex = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(index);
                    out.add(new Outbox.Entry(rs.getLong(1), Instant.parse(rs.getString(2)), Outbox.Kind.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5), Optional.ofNullable(rs.getString(6)).map(Instant::parse),
                            Outbox.State.valueOf(rs.getString(7)), logIndex, Optional.ofNullable(rs.getString(9))));
                }
            }
        }
        return out;
    }

    static void mark(Connection db, long id, Outbox.State state, Long logIndex, String note) throws SQLException {
        try (PreparedStatement up = db.prepareStatement("UPDATE outbox SET state = ?, log_index = ?, note = ? WHERE id = ?")) {
            up.setString(1, state.name());
            if (logIndex == null) {
                up.setNull(2, java.sql.Types.INTEGER);
            } else {
                up.setLong(2, logIndex);
            }
            up.setString(3, note);
            up.setLong(4, id);
            up.executeUpdate();
        }
    }

    static void insert(Connection db, Instant at, List<Outbox.NewEntry> statements, Optional<String> orderId) throws SQLException {
        try (PreparedStatement ins = db.prepareStatement(
                "INSERT INTO outbox (created, kind, subject, payload, order_id) VALUES (?, ?, ?, ?, ?)")) {
            for (Outbox.NewEntry e : statements) {
                ins.setString(1, at.toString());
                ins.setString(2, e.kind().name());
                ins.setString(3, e.subject());
                ins.setString(4, e.payload());
                ins.setString(5, orderId.orElse(null));
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }
}

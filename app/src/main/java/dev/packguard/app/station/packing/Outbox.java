package dev.packguard.app.station.packing;

import dev.packguard.ledger.statement.EntryDecoder;
import dev.packguard.ledger.statement.EntryDecoding;
import java.nio.charset.StandardCharsets;
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
import java.util.OptionalLong;

/**
 * The station's own statements waiting to be published to the ledger (dispense, undo, suspect
 * reports, returns to stock), and the record of sealed orders that undo needs. SQLite, WAL, numbered migrations;
 * every multi-row change is one transaction, so a sealed order and its statements are stored
 * together or not at all. Entries are signed statements, exactly the bytes the node takes;
 * publishing ({@link #send}) marks them published with their log index or refused with the node's
 * reason; until then they stay here, which is how the station keeps working offline.
 */
public final class Outbox implements AutoCloseable {
    /** What an outbox entry asks the ledger to record. */
    public enum Kind {
        DISPENSE, UNDO_DISPENSE, SUSPECT_REPORT, RETURNED
    }

    /** Where an entry is on its way to the log. */
    public enum State {
        /** Waiting to be sent. */
        PENDING,
        /** In the log, at {@link Entry#logIndex()}. */
        PUBLISHED,
        /** The node refused it ({@link Entry#note()} says why); it is not retried, a pharmacist must act. */
        REFUSED,
        /** Withdrawn before it was published (an undo of an unpublished dispense); never sent. */
        CANCELLED
    }

    /**
     * One statement of the station.
     *
     * @param subject the unit as the station knows it, {@code gtin/serial}; never sent (the entry names a commitment)
     * @param payload the signed entry, RFC 8785 canonical JSON: exactly the bytes POSTed to the node
     * @param published when it was published; {@code logIndex} is its index in the log
     * @param note the node's reason for a refusal, or why it was cancelled
     */
    public record Entry(long id, Instant created, Kind kind, String subject, String payload, Optional<Instant> published,
            State state, OptionalLong logIndex, Optional<String> note) {
    }

    /**
     * A statement to add: {@code payload} must be a signed entry in its canonical form (what
     * {@link Statements} makes), because the outbox sends it as it is.
     *
     * @throws IllegalArgumentException when {@code payload} is not a canonical signed statement
     */
    public record NewEntry(Kind kind, String subject, String payload) {
        public NewEntry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(payload, "payload");
            if (EntryDecoder.decode(payload.getBytes(StandardCharsets.UTF_8)) instanceof EntryDecoding.Invalid i) {
                throw new IllegalArgumentException("not a signed statement: " + i.problem() + " " + i.detail());
            }
        }
    }

    /** What the node said to one entry. */
    public sealed interface Answer {
        /** In the log at {@code index}. */
        record Accepted(long index) implements Answer {
        }

        /** Refused for {@code reason} (HTTP 400, 409, 413): sending it again cannot help. */
        record Refused(String reason) implements Answer {
        }

        /** Not now ({@code why}: node down, busy, timed out): try again later. */
        record Failed(String why) implements Answer {
        }
    }

    /** Sends one entry's bytes to the node. */
    @FunctionalInterface
    public interface Sender {
        Answer send(byte[] entry);
    }

    /** Makes the undo statement for {@code unit}, whose dispense is in the log at {@code dispenseIndex}. */
    @FunctionalInterface
    public interface UndoStatement {
        NewEntry undo(UnitKey unit, long dispenseIndex);
    }

    /**
     * What an undo did per unit: undo statements queued for dispenses in the log, dispenses
     * cancelled before they were published, and units whose dispense the node had refused.
     */
    public record UndoRecord(List<UnitKey> undone, List<UnitKey> cancelled, List<UnitKey> neverLogged) {
    }

    /**
     * The outbox at a glance.
     *
     * @param oldestPending when the oldest pending entry was recorded
     * @param lastRefusal the node's reason for the latest refusal
     */
    public record Status(int pending, Optional<Instant> oldestPending, int refused, Optional<String> lastRefusal) {
    }

    /** An order that was packed and sealed, and whether it was undone. */
    public record SealedOrder(String orderId, Instant sealedAt, String operator, List<UnitKey> units,
            Optional<Instant> undoneAt) {
    }

    private final Connection db;
    private final Path file;
    // Held while an entry is on the wire, and by undo: an undo never cancels an entry being sent.
    private final Object sending = new Object();
    private final List<Runnable> queued = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Outbox(Connection db, Path file) {
        this.db = db;
        this.file = file;
    }

    /**
     * Calls {@code listener} after each change that queued statements (a seal, an undo, a report,
     * a return), on the thread that made it; the publisher uses it to send at once.
     */
    public void onQueued(Runnable listener) {
        queued.add(listener);
    }

    private void queuedNow() {
        queued.forEach(Runnable::run);
    }

    /** Opens (creating and migrating if needed) the outbox in {@code file}. */
    public static Outbox open(Path file) throws OutboxException {
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try {
                OutboxTables.migrate(db);
            } catch (SQLException e) {
                db.close();
                throw e;
            }
            return new Outbox(db, file);
        } catch (SQLException e) {
            throw new OutboxException("Cannot open the outbox " + file + ": " + e.getMessage(), e);
        }
    }

    /** The station's PIN-entry lock, kept in this file so that a restart does not clear it ({@link PharmacistPins}). */
    public PinLockStore pinLocks() {
        return new PinLockTable(this, db, file);
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
            OutboxTables.insert(db, at, statements, Optional.of(orderId));
        });
        queuedNow();
    }

    /**
     * Marks {@code orderId} undone, in one transaction: for each unit whose dispense is in the log
     * an undo statement made by {@code undo} is queued; a dispense not yet published is cancelled
     * instead (it never reaches the log); a dispense the node refused needs nothing.
     */
    public UndoRecord recordUndo(String orderId, Instant at, UndoStatement undo) throws OutboxException {
        synchronized (sending) {
            synchronized (this) {
                List<UnitKey> undone = new ArrayList<>();
                List<UnitKey> cancelled = new ArrayList<>();
                List<UnitKey> never = new ArrayList<>();
                transaction("record the undo of " + orderId, () -> {
                    try (PreparedStatement up = db.prepareStatement(
                            "UPDATE sealed_order SET undone_at = ? WHERE order_id = ? AND undone_at IS NULL")) {
                        up.setString(1, at.toString());
                        up.setString(2, orderId);
                        if (up.executeUpdate() != 1) {
                            throw new SQLException("order " + orderId + " is not sealed or already undone");
                        }
                    }
                    List<NewEntry> statements = new ArrayList<>();
                    for (Entry d : dispensesOf(orderId)) {
                        UnitKey unit = UnitKey.parse(d.subject());
                        switch (d.state()) {
                            case PUBLISHED -> {
                                statements.add(undo.undo(unit, d.logIndex().orElseThrow()));
                                undone.add(unit);
                            }
                            case PENDING -> {
                                OutboxTables.mark(db, d.id(), State.CANCELLED, null, "undone at " + at + " before it was published");
                                cancelled.add(unit);
                            }
                            default -> never.add(unit);
                        }
                    }
                    OutboxTables.insert(db, at, statements, Optional.of(orderId));
                });
                queuedNow();
                return new UndoRecord(undone, cancelled, never);
            }
        }
    }

    /** Queues one statement (a suspect-product report). */
    public synchronized void add(Instant at, NewEntry statement) throws OutboxException {
        transaction("queue a " + statement.kind() + " statement", () -> OutboxTables.insert(db, at, List.of(statement), Optional.empty()));
        queuedNow();
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
        return select("WHERE state = 'PENDING' ORDER BY id", q -> { });
    }

    /** Every statement the node refused, oldest first: each needs a pharmacist. */
    public synchronized List<Entry> refused() throws OutboxException {
        return select("WHERE state = 'REFUSED' ORDER BY id", q -> { });
    }

    /** Every statement about {@code subject} ({@code gtin/serial}), oldest first, in any state. */
    public synchronized List<Entry> about(UnitKey subject) throws OutboxException {
        return select("WHERE subject = ? ORDER BY id", q -> q.setString(1, subject.toString()));
    }

    /** Pending and refused counts, the oldest pending entry's time and the latest refusal. */
    public synchronized Status status() throws OutboxException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT "
                + "(SELECT count(*) FROM outbox WHERE state = 'PENDING'), "
                + "(SELECT min(created) FROM outbox WHERE state = 'PENDING'), "
                + "(SELECT count(*) FROM outbox WHERE state = 'REFUSED'), "
                + "(SELECT note FROM outbox WHERE state = 'REFUSED' ORDER BY id DESC LIMIT 1)")) {
            return new Status(rs.getInt(1), Optional.ofNullable(rs.getString(2)).map(Instant::parse), rs.getInt(3),
                    Optional.ofNullable(rs.getString(4)));
        } catch (SQLException e) {
            throw new OutboxException("Cannot read the outbox " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends {@code entry} with {@code sender} if it is still pending, and records the answer:
     * published with its log index, refused with the node's reason, or (failed) left pending
     * with one more attempt counted. Empty when the entry was no longer pending.
     */
    public Optional<Answer> send(Entry entry, Sender sender, Instant now) throws OutboxException {
        synchronized (sending) {
            int attempts;
            synchronized (this) {
                List<Entry> current = select("WHERE id = ? AND state = 'PENDING'", q -> q.setLong(1, entry.id()));
                if (current.isEmpty()) {
                    return Optional.empty();
                }
                attempts = attempts(entry.id());
            }
            Answer answer = sender.send(entry.payload().getBytes(StandardCharsets.UTF_8));
            synchronized (this) {
                transaction("record the node's answer for entry " + entry.id(), () -> {
                    if (answer instanceof Answer.Accepted a) {
                        OutboxTables.mark(db, entry.id(), State.PUBLISHED, a.index(), null);
                        try (PreparedStatement up = db.prepareStatement("UPDATE outbox SET published = ? WHERE id = ?")) {
                            up.setString(1, now.toString());
                            up.setLong(2, entry.id());
                            up.executeUpdate();
                        }
                    } else if (answer instanceof Answer.Refused r) {
                        // The node does not recognise a resubmission: after an unanswered attempt a
                        // refusal (e.g. "already dispensed") may mean that attempt got in.
                        OutboxTables.mark(db, entry.id(), State.REFUSED, null, r.reason() + (attempts == 0 ? "" : " (after "
                                + attempts + " unanswered attempt(s); it may already be in the log: check before acting)"));
                    }
                    try (PreparedStatement up = db.prepareStatement("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?")) {
                        up.setLong(1, entry.id());
                        up.executeUpdate();
                    }
                });
            }
            return Optional.of(answer);
        }
    }

    private int attempts(long id) throws OutboxException {
        try (PreparedStatement q = db.prepareStatement("SELECT attempts FROM outbox WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new OutboxException("Cannot read the outbox " + file + ": " + e.getMessage(), e);
        }
    }

    private List<Entry> dispensesOf(String orderId) throws SQLException {
        return OutboxTables.query(db, "WHERE order_id = ? AND kind = 'DISPENSE' ORDER BY id", q -> q.setString(1, orderId));
    }

    private List<Entry> select(String where, OutboxTables.Params params) throws OutboxException {
        try {
            return OutboxTables.query(db, where, params);
        } catch (SQLException e) {
            throw new OutboxException("Cannot read the outbox " + file + ": " + e.getMessage(), e);
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

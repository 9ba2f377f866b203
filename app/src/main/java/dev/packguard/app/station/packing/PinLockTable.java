package dev.packguard.app.station.packing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The station's {@link PinLock} in the outbox database's {@code pin_lock} table (one row; schema
 * version 3, {@link OutboxTables}), on the outbox's own connection and under its lock: one writer per file.
 */
final class PinLockTable implements PinLockStore {
    private final Object outbox;
    private final Connection db;
    private final Path file;

    PinLockTable(Object outbox, Connection db, Path file) {
        this.outbox = outbox;
        this.db = db;
        this.file = file;
    }

    @Override
    public PinLock load() throws Unavailable {
        synchronized (outbox) {
            try (PreparedStatement q = db.prepareStatement("SELECT failures, locked_until FROM pin_lock WHERE id = 1");
                    ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return PinLock.NONE;
                }
                return new PinLock(rs.getInt(1), Optional.ofNullable(rs.getString(2)).map(Instant::parse));
            } catch (SQLException | DateTimeParseException | IllegalArgumentException e) {
                throw new Unavailable("Cannot read the PIN lock in " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void save(PinLock lock) throws Unavailable {
        synchronized (outbox) {
            // One statement in autocommit: SQLite makes it durable (synchronous=FULL) before it returns.
            try (PreparedStatement up = db.prepareStatement("INSERT INTO pin_lock (id, failures, locked_until) "
                    + "VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET failures = excluded.failures, "
                    + "locked_until = excluded.locked_until")) {
                up.setInt(1, lock.failures());
                up.setString(2, lock.lockedUntil().map(Instant::toString).orElse(null));
                up.executeUpdate();
            } catch (SQLException e) {
                throw new Unavailable("Cannot record the PIN lock in " + file + ": " + e.getMessage(), e);
            }
        }
    }
}

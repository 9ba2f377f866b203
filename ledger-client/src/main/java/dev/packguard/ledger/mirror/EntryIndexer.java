package dev.packguard.ledger.mirror;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Derives query tables from verified entries (for PackGuard: unit → events, lot → recalls,
 * party → certificate) inside the mirror's own SQLite file, in the same transaction that
 * advances the verified checkpoint. So the index never covers an unverified entry and never
 * lags behind the checkpoint, and it can always be rebuilt from the entries alone.
 *
 * <p>An entry the indexer does not understand must be recorded as such (or skipped), never
 * thrown about: one bad entry must not stop every station's sync. Throwing {@link SQLException}
 * means the database itself failed, and rolls the whole commit back.
 */
public interface EntryIndexer {

    /** Statements that create the index tables if missing; run when the mirror is opened. */
    List<String> schema();

    /** Statements that drop the index tables, for {@link MirrorStore#rebuildIndex()}. */
    List<String> drop();

    /** Indexes verified entry {@code index}; called in log order inside the commit transaction. */
    void index(Connection tx, long index, byte[] entry) throws SQLException;

    /** Called once after the last {@link #index} of a commit, still inside the transaction. */
    default void flush(Connection tx) throws SQLException {
    }

    /** Indexes nothing: a plain mirror of any tlog-tiles log. */
    EntryIndexer NONE = new EntryIndexer() {
        @Override
        public List<String> schema() {
            return List.of();
        }

        @Override
        public List<String> drop() {
            return List.of();
        }

        @Override
        public void index(Connection tx, long index, byte[] entry) {
        }
    };
}

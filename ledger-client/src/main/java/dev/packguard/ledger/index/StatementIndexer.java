package dev.packguard.ledger.index;

import dev.packguard.ledger.mirror.EntryIndexer;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorStoreException;
import dev.packguard.ledger.mirror.VerifiedCheckpoint;
import dev.packguard.ledger.statement.Base64Url;
import dev.packguard.ledger.statement.Commissioning;
import dev.packguard.ledger.statement.EntryDecoder;
import dev.packguard.ledger.statement.EntryDecoding;
import dev.packguard.ledger.statement.Event;
import dev.packguard.ledger.statement.KeyRevocation;
import dev.packguard.ledger.statement.PartyRegistration;
import dev.packguard.ledger.statement.Recall;
import dev.packguard.ledger.statement.RecallScope;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.Statement;
import dev.packguard.ledger.statement.UnitCommitment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.List;

/**
 * The statement index of a station's mirror (docs/LEDGER.md "Derived index", "Verification
 * rules"): for every verified entry, in the commit's transaction, it decodes the entry once and
 * records where to find it — unit commitment → events, GTIN + lot → commissionings and lot
 * recalls, party → registrations and revocations — or, for bytes that are not a statement, the
 * index and the decoder's reason.
 *
 * <p>Signatures are deliberately not checked here: decoding costs about 6 µs an entry and a
 * signature about 70 µs, so a mirror of 4,000,000 statements indexes in well under a minute
 * instead of several, and the verifier checks the few entries of a scanned unit when it needs
 * them (and caches the result per entry). An unauthorized entry therefore sits in the index and
 * is judged at scan time (rule 4), which also keeps retroactive key revocations correct.
 *
 * <p>Not thread-safe; the mirror calls it from its single writer.
 */
public final class StatementIndexer implements EntryIndexer {
    /** Index table names; every one starts with {@code pg_} to stay clear of the mirror's own tables. */
    static final String UNIT = "pg_unit", LOT = "pg_lot", PARTY = "pg_party", INVALID = "pg_invalid", STATE = "pg_index_state";

    /** What a {@code pg_lot} row points at. */
    enum LotKind { COMMISSIONING, RECALL }

    /** What a {@code pg_party} row points at. */
    enum PartyKind { REGISTRATION, REVOCATION }

    private Connection preparedFor;
    private PreparedStatement unitInsert;
    private PreparedStatement lotInsert;
    private PreparedStatement partyInsert;
    private PreparedStatement invalidInsert;
    private long covered = -1;

    @Override
    public List<String> schema() {
        return List.of(
                // 32-byte commitments as BLOBs; WITHOUT ROWID keeps the lookup a single B-tree descent.
                "CREATE TABLE IF NOT EXISTS " + UNIT + " (unit BLOB NOT NULL, idx INTEGER NOT NULL,"
                        + " PRIMARY KEY (unit, idx)) WITHOUT ROWID",
                "CREATE TABLE IF NOT EXISTS " + LOT + " (gtin TEXT NOT NULL, lot TEXT NOT NULL, idx INTEGER NOT NULL,"
                        + " kind TEXT NOT NULL, PRIMARY KEY (gtin, lot, idx)) WITHOUT ROWID",
                "CREATE TABLE IF NOT EXISTS " + PARTY + " (idx INTEGER PRIMARY KEY, party TEXT NOT NULL,"
                        + " kind TEXT NOT NULL, key_id TEXT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS " + INVALID + " (idx INTEGER PRIMARY KEY, problem TEXT NOT NULL,"
                        + " pointer TEXT NOT NULL, detail TEXT NOT NULL)",
                // How many entries the tables cover: a mirror synced without this indexer is caught up by ensureCurrent.
                "CREATE TABLE IF NOT EXISTS " + STATE + " (id INTEGER PRIMARY KEY CHECK (id = 1), size INTEGER NOT NULL)");
    }

    @Override
    public List<String> drop() {
        return List.of("DROP TABLE IF EXISTS " + UNIT, "DROP TABLE IF EXISTS " + LOT,
                "DROP TABLE IF EXISTS " + PARTY, "DROP TABLE IF EXISTS " + INVALID, "DROP TABLE IF EXISTS " + STATE);
    }

    @Override
    public void index(Connection tx, long index, byte[] entry) throws SQLException {
        prepare(tx);
        covered = index + 1;
        EntryDecoding decoding = EntryDecoder.decode(entry);
        if (decoding instanceof EntryDecoding.Invalid invalid) {
            invalidInsert.setLong(1, index);
            invalidInsert.setString(2, invalid.problem().name());
            invalidInsert.setString(3, invalid.pointer());
            invalidInsert.setString(4, invalid.detail());
            invalidInsert.executeUpdate();
            return;
        }
        SignedStatement signed = ((EntryDecoding.Decoded) decoding).entry();
        Statement s = signed.statement();
        if (s instanceof PartyRegistration || s instanceof KeyRevocation) {
            partyInsert.setLong(1, index);
            partyInsert.setString(2, s.party().digits());
            partyInsert.setString(3, (s instanceof PartyRegistration ? PartyKind.REGISTRATION : PartyKind.REVOCATION).name());
            partyInsert.setString(4, s instanceof KeyRevocation r ? r.keyId().value() : signed.signature().keyId().value());
            partyInsert.executeUpdate();
            return;
        }
        Event event = (Event) s;
        for (UnitCommitment unit : event.units()) {
            unitInsert.setBytes(1, unitKey(unit));
            unitInsert.setLong(2, index);
            unitInsert.executeUpdate();
        }
        if (event instanceof Commissioning c) {
            lot(index, c.gtin().digits(), c.lot().value(), LotKind.COMMISSIONING);
        } else if (event instanceof Recall r && r.scope() instanceof RecallScope.ByLot byLot) {
            lot(index, byLot.gtin().digits(), byLot.lot().value(), LotKind.RECALL);
        }
    }

    private void lot(long index, String gtin, String lot, LotKind kind) throws SQLException {
        lotInsert.setString(1, gtin);
        lotInsert.setString(2, lot);
        lotInsert.setLong(3, index);
        lotInsert.setString(4, kind.name());
        lotInsert.executeUpdate();
    }

    /** The 32 bytes behind a commitment, the key of {@code pg_unit}. */
    static byte[] unitKey(UnitCommitment unit) {
        return Base64Url.decode(unit.value()).orElseThrow();
    }

    // Prepared once per commit: re-preparing four statements per entry would dominate a 4,000,000-entry sync.
    private void prepare(Connection tx) throws SQLException {
        if (tx == preparedFor) {
            return;
        }
        closeStatements();
        unitInsert = tx.prepareStatement("INSERT OR IGNORE INTO " + UNIT + " (unit, idx) VALUES (?, ?)");
        lotInsert = tx.prepareStatement("INSERT OR IGNORE INTO " + LOT + " (gtin, lot, idx, kind) VALUES (?, ?, ?, ?)");
        partyInsert = tx.prepareStatement("INSERT OR IGNORE INTO " + PARTY + " (idx, party, kind, key_id) VALUES (?, ?, ?, ?)");
        invalidInsert = tx.prepareStatement("INSERT OR IGNORE INTO " + INVALID + " (idx, problem, pointer, detail) VALUES (?, ?, ?, ?)");
        preparedFor = tx;
    }

    @Override
    public void flush(Connection tx) throws SQLException {
        closeStatements();
        if (covered >= 0) {
            try (PreparedStatement ps = tx.prepareStatement("INSERT OR REPLACE INTO " + STATE + " (id, size) VALUES (1, ?)")) {
                ps.setLong(1, covered);
                ps.executeUpdate();
            }
            covered = -1;
        }
    }

    /**
     * Opens the mirror at {@code file} with a statement index, rebuilding the index when it does
     * not cover exactly the verified entries (a mirror synced by a version without the index, or
     * an index dropped by hand). Rebuilding decodes every entry once: about a minute for
     * 4,000,000 entries.
     */
    public static MirrorStore openIndexed(Path file) throws MirrorStoreException {
        return openIndexed(file, MirrorStore.IndexProgress.NONE);
    }

    /** As {@link #openIndexed(Path)}, telling {@code progress} how a rebuild advances (nothing when none is needed). */
    public static MirrorStore openIndexed(Path file, MirrorStore.IndexProgress progress) throws MirrorStoreException {
        MirrorStore store = MirrorStore.open(file, new StatementIndexer());
        try {
            long size = store.verified().map(VerifiedCheckpoint::size).orElse(0L);
            long indexed = store.query(db -> {
                try (PreparedStatement ps = db.prepareStatement("SELECT size FROM " + STATE + " WHERE id = 1");
                        ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
            if (indexed != size) {
                store.rebuildIndex(progress);
            }
            return store;
        } catch (MirrorStoreException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private void closeStatements() throws SQLException {
        for (PreparedStatement ps : new PreparedStatement[] {unitInsert, lotInsert, partyInsert, invalidInsert}) {
            if (ps != null) {
                ps.close();
            }
        }
        unitInsert = lotInsert = partyInsert = invalidInsert = null;
        preparedFor = null;
    }
}

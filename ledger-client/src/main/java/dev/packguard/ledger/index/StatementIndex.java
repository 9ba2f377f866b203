package dev.packguard.ledger.index;

import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorStoreException;
import dev.packguard.ledger.statement.Gtin;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.UnitCommitment;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Read side of the {@link StatementIndexer} tables: which log indices to look at for a unit, a
 * lot or the party directory. Every answer is in ascending log order and covers exactly the
 * mirror's verified entries (the index is written in the checkpoint's transaction).
 */
public final class StatementIndex {
    /** An entry that is not a valid statement, as the decoder described it (docs/LEDGER.md "Invalid entries"). */
    public record InvalidEntry(long index, String problem, String pointer, String detail) {}

    private final MirrorStore store;

    /** Reads the index tables of {@code store}, which must have been opened with a {@link StatementIndexer}. */
    public StatementIndex(MirrorStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Log indices of every event that names {@code unit}, ascending. */
    public List<Long> unitEvents(UnitCommitment unit) throws MirrorStoreException {
        return indices("SELECT idx FROM " + StatementIndexer.UNIT + " WHERE unit = ? ORDER BY idx",
                StatementIndexer.unitKey(unit));
    }

    /** Log indices of the commissionings of {@code gtin} + {@code lot}, ascending. */
    public List<Long> lotCommissionings(Gtin gtin, Lot lot) throws MirrorStoreException {
        return lotRows(gtin, lot, StatementIndexer.LotKind.COMMISSIONING);
    }

    /** Log indices of the whole-lot recalls of {@code gtin} + {@code lot}, ascending. */
    public List<Long> lotRecalls(Gtin gtin, Lot lot) throws MirrorStoreException {
        return lotRows(gtin, lot, StatementIndexer.LotKind.RECALL);
    }

    /** Log indices of every party registration and key revocation, ascending: the directory's input. */
    public List<Long> directoryEntries() throws MirrorStoreException {
        return indices("SELECT idx FROM " + StatementIndexer.PARTY + " ORDER BY idx");
    }

    /** The entries recorded as invalid, ascending, at most {@code limit}. */
    public List<InvalidEntry> invalidEntries(int limit) throws MirrorStoreException {
        return store.query(db -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT idx, problem, pointer, detail FROM "
                    + StatementIndexer.INVALID + " ORDER BY idx LIMIT ?")) {
                ps.setInt(1, limit);
                List<InvalidEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new InvalidEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    private List<Long> lotRows(Gtin gtin, Lot lot, StatementIndexer.LotKind kind) throws MirrorStoreException {
        return indices("SELECT idx FROM " + StatementIndexer.LOT + " WHERE gtin = ? AND lot = ? AND kind = ? ORDER BY idx",
                gtin.digits(), lot.value(), kind.name());
    }

    private List<Long> indices(String sql, Object... args) throws MirrorStoreException {
        return store.query(db -> {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }
}

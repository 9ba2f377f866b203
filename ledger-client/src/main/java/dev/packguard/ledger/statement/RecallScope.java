package dev.packguard.ledger.statement;

import java.util.List;
import java.util.Objects;

/** What a recall covers: a whole lot of one GTIN, or individual units. */
public sealed interface RecallScope {
    /** Every unit of {@code gtin} with batch {@code lot}. */
    record ByLot(Gtin gtin, Lot lot) implements RecallScope {
        /** Requires both fields. */
        public ByLot {
            Objects.requireNonNull(gtin, "gtin");
            Objects.requireNonNull(lot, "lot");
        }
    }

    /** The listed units only. */
    record ByUnits(List<UnitCommitment> units) implements RecallScope {
        /** Sorts the units and rejects duplicates. */
        public ByUnits {
            units = Checks.units(units);
        }
    }
}

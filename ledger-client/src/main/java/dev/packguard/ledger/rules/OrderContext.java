package dev.packguard.ledger.rules;

import dev.packguard.ledger.statement.Gtin;
import dev.packguard.ledger.statement.KnownUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The open order a unit is scanned for (rule 8), and the days' supply rule 7 adds to the minimum
 * shelf life. Holds no patient data: products, counts and units only.
 *
 * @param lines GTIN → quantity ordered (each ≥ 1)
 * @param daysSupply how many days the order must last the patient (≥ 0)
 * @param accepted units already accepted into this order, in scan order
 */
public record OrderContext(Map<Gtin, Integer> lines, int daysSupply, List<KnownUnit> accepted) {
    /** Validates counts; copies. */
    public OrderContext {
        lines = Map.copyOf(lines);
        if (lines.values().stream().anyMatch(q -> q < 1) || daysSupply < 0) {
            throw new IllegalArgumentException("quantities must be >= 1 and daysSupply >= 0");
        }
        accepted = List.copyOf(Objects.requireNonNull(accepted, "accepted"));
    }
}

package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Reverses a dispense: the units of the dispensing entry at log index {@code dispenseIndex} go
 * back to saleable stock at {@code location}. Whether it is allowed (same pharmacy, within the
 * undo window) is for the verification rules; this type only records it.
 * CBV 2.0: business step {@code stocking}, disposition {@code sellable_accessible}.
 */
public record DispenseUndo(Gln party, Instant eventTime, Gln location, long dispenseIndex, List<UnitCommitment> units) implements Event {
    /** Wire name of the type. */
    public static final String TYPE = "dispense_undo";

    /** Requires every field; sorts the units and rejects duplicates. */
    public DispenseUndo {
        Checks.header(party, eventTime);
        Objects.requireNonNull(location, "location");
        if (dispenseIndex < 0 || dispenseIndex > MAX_LOG_INDEX) {
            throw new IllegalArgumentException("dispenseIndex must be 0.." + MAX_LOG_INDEX + ": " + dispenseIndex);
        }
        units = Checks.units(units);
    }

    @Override
    public EventKind kind() {
        return EventKind.DISPENSE_UNDO;
    }
}

package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A pharmacy supplies units to a patient (who is never named: there is no field for it).
 * CBV 2.0: business step {@code dispensing}, disposition {@code dispensed}.
 */
public record Dispensing(Gln party, Instant eventTime, Gln location, List<UnitCommitment> units) implements Event {
    /** Wire name of the type. */
    public static final String TYPE = "dispensing";

    /** Requires every field; sorts the units and rejects duplicates. */
    public Dispensing {
        Checks.header(party, eventTime);
        Objects.requireNonNull(location, "location");
        units = Checks.units(units);
    }

    @Override
    public EventKind kind() {
        return EventKind.DISPENSING;
    }
}

package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Units are sent back up the chain, from the party's location {@code from} to {@code to}.
 * CBV 2.0: business step {@code shipping}, disposition {@code returned}.
 */
public record Returning(Gln party, Instant eventTime, Gln from, Gln to, List<UnitCommitment> units) implements Event {
    /** Wire name of the type. */
    public static final String TYPE = "returning";

    /** Requires every field; sorts the units and rejects duplicates. */
    public Returning {
        Checks.header(party, eventTime);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        units = Checks.units(units);
    }

    @Override
    public EventKind kind() {
        return EventKind.RETURNING;
    }
}

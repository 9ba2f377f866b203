package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Units shipped from {@code from} arrive at the party's location {@code to} (also returned goods).
 * CBV 2.0: business step {@code receiving}, disposition {@code sellable_accessible}.
 */
public record Receiving(Gln party, Instant eventTime, Gln from, Gln to, List<UnitCommitment> units) implements Event {
    /** Wire name of the type. */
    public static final String TYPE = "receiving";

    /** Requires every field; sorts the units and rejects duplicates. */
    public Receiving {
        Checks.header(party, eventTime);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        units = Checks.units(units);
    }

    @Override
    public EventKind kind() {
        return EventKind.RECEIVING;
    }
}

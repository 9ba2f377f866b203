package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Units leave the party's location {@code from} for the location {@code to} of the next owner.
 * CBV 2.0: business step {@code shipping}, disposition {@code in_transit}.
 */
public record Shipping(Gln party, Instant eventTime, Gln from, Gln to, List<UnitCommitment> units) implements Event {
    /** Wire name of the type. */
    public static final String TYPE = "shipping";

    /** Requires every field; sorts the units and rejects duplicates. */
    public Shipping {
        Checks.header(party, eventTime);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        units = Checks.units(units);
    }

    @Override
    public EventKind kind() {
        return EventKind.SHIPPING;
    }
}

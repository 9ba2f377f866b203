package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
    public String type() {
        return TYPE;
    }

    @Override
    public String bizStep() {
        return "shipping";
    }

    @Override
    public String disposition() {
        return "in_transit";
    }

    @Override
    public Set<Role> signerRoles() {
        return EnumSet.of(Role.MANUFACTURER, Role.WHOLESALER);
    }
}

package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Units at {@code location} leave the supply chain for {@code reason} (destroyed, stolen,
 * sample, exported). CBV 2.0 business step and disposition follow the reason
 * ({@link DecommissionReason}).
 */
public record Decommissioning(Gln party, Instant eventTime, Gln location, DecommissionReason reason,
        List<UnitCommitment> units) implements Event {
    /** Wire name of the type. */
    public static final String TYPE = "decommissioning";

    /** Requires every field; sorts the units and rejects duplicates. */
    public Decommissioning {
        Checks.header(party, eventTime);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
        units = Checks.units(units);
    }

    @Override
    public String bizStep() {
        return reason.bizStep();
    }

    @Override
    public String disposition() {
        return reason.disposition();
    }

    @Override
    public EventKind kind() {
        return EventKind.DECOMMISSIONING;
    }
}

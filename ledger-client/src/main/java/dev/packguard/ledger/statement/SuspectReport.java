package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Units are held at {@code location} as suspect product and reported to the consortium.
 * CBV 2.0: business step {@code holding}, disposition {@code non_sellable_other}.
 */
public record SuspectReport(Gln party, Instant eventTime, Gln location, Suspicion suspicion, List<UnitCommitment> units) implements Event {
    /** Wire name of the type. */
    public static final String TYPE = "suspect_report";

    /** Requires every field; sorts the units and rejects duplicates. */
    public SuspectReport {
        Checks.header(party, eventTime);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(suspicion, "suspicion");
        units = Checks.units(units);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String bizStep() {
        return "holding";
    }

    @Override
    public String disposition() {
        return "non_sellable_other";
    }

    @Override
    public Set<Role> signerRoles() {
        return EnumSet.of(Role.MANUFACTURER, Role.WHOLESALER, Role.DISPENSER, Role.REGULATOR);
    }
}

package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

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
    public EventKind kind() {
        return EventKind.SUSPECT_REPORT;
    }
}

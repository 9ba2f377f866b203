package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A recall by the manufacturer or a regulator, of a lot (GTIN + lot, in clear so that every
 * station can match it) or of individual units. CBV 2.0: business step {@code holding},
 * disposition {@code recalled}.
 */
public record Recall(Gln party, Instant eventTime, RecallScope scope) implements Event {
    /** Wire name of the type. */
    public static final String TYPE = "recall";

    /** Requires every field. */
    public Recall {
        Checks.header(party, eventTime);
        Objects.requireNonNull(scope, "scope");
    }

    /** The recalled units, or empty for a recall of a whole lot. */
    @Override
    public List<UnitCommitment> units() {
        return scope instanceof RecallScope.ByUnits byUnits ? byUnits.units() : List.of();
    }

    @Override
    public EventKind kind() {
        return EventKind.RECALL;
    }
}

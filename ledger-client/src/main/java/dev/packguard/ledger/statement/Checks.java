package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Constructor checks shared by the statement records. */
final class Checks {
    private Checks() {}

    static void header(Gln party, Instant eventTime) {
        Objects.requireNonNull(party, "party");
        Times.require(Objects.requireNonNull(eventTime, "eventTime"), "eventTime");
    }

    /** Units as statements hold them: 1..{@link Event#MAX_UNITS}, sorted, distinct. */
    static List<UnitCommitment> units(List<UnitCommitment> units) {
        Objects.requireNonNull(units, "units");
        if (units.size() > Event.MAX_UNITS) {
            throw new IllegalArgumentException("at most " + Event.MAX_UNITS + " units per statement, got " + units.size());
        }
        return UnitCommitment.canonicalList(units);
    }

    /** A possibly empty set, sorted and distinct. */
    static <T extends Comparable<? super T>> List<T> set(List<T> items, String what) {
        Objects.requireNonNull(items, what);
        return items.isEmpty() ? List.of() : Canonical.sortedDistinct(new ArrayList<>(items), what);
    }
}

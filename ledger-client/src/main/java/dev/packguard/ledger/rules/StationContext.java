package dev.packguard.ledger.rules;

import dev.packguard.ledger.statement.Gln;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Who and when is verifying, and under which policies (docs/CONFIGURATION.md "rules", "ledger").
 *
 * @param pharmacyGln the pharmacy's GLN from the station configuration: custody must end at a location of this party
 * @param now the station's clock
 * @param zone the station's time zone, which decides what "today" is for expiry dates
 */
public record StationContext(Gln pharmacyGln, Instant now, ZoneId zone, Policies policies) {
    /**
     * The pharmacy's policies.
     *
     * @param warnAfter ledger age above which a verdict carries {@link ReasonCode#LEDGER_STALE}
     * @param blockAfter ledger age above which every verdict is {@link ReasonCode#LEDGER_TOO_OLD}
     * @param minShelfLifeDays a unit must not expire within this many days plus the order's days' supply
     * @param returnWindowDays a return is accepted at most this many days after the dispense
     * @param undoWindowDays a dispense can be undone at most this many days after it (EU: 10)
     */
    public record Policies(Duration warnAfter, Duration blockAfter, int minShelfLifeDays, int returnWindowDays, int undoWindowDays) {
        /** Checks the ranges of docs/CONFIGURATION.md. */
        public Policies {
            Objects.requireNonNull(warnAfter, "warnAfter");
            Objects.requireNonNull(blockAfter, "blockAfter");
            if (warnAfter.isNegative() || blockAfter.compareTo(warnAfter) < 0) {
                throw new IllegalArgumentException("need 0 <= warnAfter <= blockAfter");
            }
            if (minShelfLifeDays < 0 || returnWindowDays < 0 || undoWindowDays < 0 || undoWindowDays > 10) {
                throw new IllegalArgumentException("day counts must be >= 0 and undoWindowDays <= 10");
            }
        }

        /** The defaults of docs/CONFIGURATION.md: warn after 4 h, block after 24 h, 28 / 30 / 10 days. */
        public static Policies defaults() {
            return new Policies(Duration.ofHours(4), Duration.ofHours(24), 28, 30, 10);
        }
    }

    /** Requires every field. */
    public StationContext {
        Objects.requireNonNull(pharmacyGln, "pharmacyGln");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(policies, "policies");
    }

    /** The station's date today. */
    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }
}

package dev.packguard.app.station.packing;

import dev.packguard.app.station.LedgerState;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether packing may verify against a ledger that is too old (DESIGN.md rule 2; issue 7: "block
 * above Y hours, pharmacist override with a reason, recorded"). Consulted only when the ledger
 * is unusable; an implementation must never allow a ledger with a security alert or with no
 * verified checkpoint. The station's is the pharmacist override.
 */
@FunctionalInterface
public interface StaleLedgerAllowance {

    /** Verification may go on against a ledger up to {@code maxAge} old; every verdict shows {@code warning}. */
    record Allowance(Duration maxAge, String warning) {
        public Allowance {
            Objects.requireNonNull(maxAge, "maxAge");
            Objects.requireNonNull(warning, "warning");
        }
    }

    /** The allowance for {@code state} now, if there is one. */
    Optional<Allowance> allowance(LedgerState state);

    /** Never allows: a too-old ledger blocks. */
    static StaleLedgerAllowance none() {
        return state -> Optional.empty();
    }
}

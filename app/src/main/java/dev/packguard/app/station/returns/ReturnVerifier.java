package dev.packguard.app.station.returns;

import dev.packguard.app.station.packing.UnitVerdict;
import dev.packguard.scanner.ProductIdentifier;
import java.util.Objects;

/**
 * Verifies a unit brought back to the returns bench (DESIGN.md rules 1–7, rule 6 in its return
 * form: dispensed by this pharmacy, inside the return window, not recalled, stolen or
 * destroyed). {@link LedgerReturnVerifier} is the ledger-client rules in {@code Mode.RETURN};
 * tests plug in those same rules over a demo world. May block on I/O and crypto: callers run it
 * off the FX thread. Never throws for a bad unit.
 */
@FunctionalInterface
public interface ReturnVerifier {
    /** The verdict on {@code unit} as a saleable return. */
    UnitVerdict verify(ProductIdentifier unit);

    /**
     * As {@link #verify(ProductIdentifier)}, with the ledger allowed to be up to
     * {@code maxLedgerAge} old (a pharmacist's stale-ledger override; never lowers the limit).
     * Verifiers that do not judge the ledger's age ignore it.
     */
    default UnitVerdict verify(ProductIdentifier unit, java.time.Duration maxLedgerAge) {
        return verify(unit);
    }

    /** A verifier of a station that cannot verify at all: every unit is CANNOT_VERIFY with {@code why}. */
    static ReturnVerifier unverifiable(String why) {
        Objects.requireNonNull(why, "why");
        return unit -> new UnitVerdict.CannotVerify(new UnitVerdict.Reason("STATION_NOT_SET_UP", why),
                UnitVerdict.Evidence.none());
    }
}

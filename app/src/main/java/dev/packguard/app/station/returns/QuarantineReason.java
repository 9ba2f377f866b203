package dev.packguard.app.station.returns;

import dev.packguard.app.station.packing.UnitVerdict;
import java.util.Set;

/**
 * Why a returned unit goes to quarantine instead of back to stock; recorded on the audit log.
 * Only {@link #SUSPECT} files a suspect-product report (DSCSA: suspect product is quarantined and
 * investigated); a pack returned too late, expired or recalled is simply not saleable.
 */
public enum QuarantineReason {
    /** Verification failed for a reason that points at a falsified or diverted pack (never dispensed, dispensed elsewhere, …). */
    SUSPECT,
    /** Genuine and ours, but not saleable: return window exceeded, expired, recalled. */
    NOT_RETURNABLE,
    /** The station could not verify the unit; without proof it does not go back to stock. */
    NOT_VERIFIED,
    /** The operator found the seal (anti-tampering device, EU 2016/161 Art. 3(2)(b)) broken. */
    DAMAGED,
    /** The unit passed every check, and the operator chose quarantine anyway. */
    OPERATOR_DECISION;

    // Findings that make a genuine unit unsaleable without making it suspect (ledger-client ReasonCode names).
    private static final Set<String> UNSALEABLE = Set.of("RETURN_WINDOW_EXCEEDED", "EXPIRED", "SHELF_LIFE_TOO_SHORT",
            "RECALLED");

    /** The reason for a verdict that is not a pass. */
    public static QuarantineReason of(UnitVerdict verdict) {
        if (verdict instanceof UnitVerdict.Fail f) {
            return f.reasons().stream().allMatch(r -> UNSALEABLE.contains(r.code())) ? NOT_RETURNABLE : SUSPECT;
        }
        if (verdict instanceof UnitVerdict.CannotVerify) {
            return NOT_VERIFIED;
        }
        throw new IllegalArgumentException("a passed unit has no quarantine reason of its own");
    }

    /** In words for the bench and the audit log. */
    public String words() {
        return switch (this) {
            case SUSPECT -> "suspect";
            case NOT_RETURNABLE -> "not returnable";
            case NOT_VERIFIED -> "not verified";
            case DAMAGED -> "damaged: seal broken";
            case OPERATOR_DECISION -> "set aside by the operator";
        };
    }
}

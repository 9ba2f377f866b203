package dev.packguard.ledger.statement;

import java.util.Objects;

/**
 * A unit whose serial the exporter knows (it scanned the pack, or it is the manufacturer), so an
 * EPCIS export may name it in clear as an SGTIN instead of by its commitment.
 *
 * @param serial GS1 AI (21) serial, 1..20 characters of set 82
 */
public record KnownUnit(Gtin gtin, String serial) {
    /** Validates the serial. */
    public KnownUnit {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(serial, "serial");
        if (!Gs1Digits.validCset82(serial, 20)) {
            throw new IllegalArgumentException("not a GS1 serial (1..20 characters of set 82): " + serial);
        }
    }

    /** The unit's commitment. */
    public UnitCommitment commitment() {
        return UnitCommitment.of(gtin, serial);
    }
}

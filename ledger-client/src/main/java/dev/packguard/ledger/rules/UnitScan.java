package dev.packguard.ledger.rules;

import dev.packguard.ledger.statement.Gtin;
import dev.packguard.ledger.statement.KnownUnit;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.UnitCommitment;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a well-formed scan (rule 1 passed) says about a pack, in the ledger's types: the EU FMD /
 * DSCSA unique identifier (GTIN, serial, lot, expiry). The app maps the scanner's parsed
 * identifier to this; ledger-client does not depend on the scanner.
 *
 * @param serial GS1 AI (21), 1..20 characters of set 82
 * @param expiry a real date; a printed DD=00 already resolved to the month's last day
 * @param expiryDayUnspecified the code said DD=00 (accepted, flagged: GS1 healthcare guidance)
 */
public record UnitScan(Gtin gtin, String serial, Lot lot, LocalDate expiry, boolean expiryDayUnspecified) {
    /** Validates the serial; requires every field. */
    public UnitScan {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(expiry, "expiry");
        new KnownUnit(gtin, Objects.requireNonNull(serial, "serial"));
    }

    /** The unit as the log names it (docs/LEDGER.md "Units are commitments"). */
    public UnitCommitment commitment() {
        return UnitCommitment.of(gtin, serial);
    }

    /** GTIN and serial. */
    public KnownUnit unit() {
        return new KnownUnit(gtin, serial);
    }
}

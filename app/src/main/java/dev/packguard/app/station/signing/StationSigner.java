package dev.packguard.app.station.signing;

import dev.packguard.ledger.statement.DispenseReturn;
import dev.packguard.ledger.statement.DispenseUndo;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Gtin;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.SigningKey;
import dev.packguard.ledger.statement.SuspectReport;
import dev.packguard.ledger.statement.Suspicion;
import dev.packguard.ledger.statement.UnitCommitment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Makes and signs the pharmacy's own statements (docs/LEDGER.md "Statements"): one unit per
 * statement, named by its commitment (never the serial), signed by the pharmacy's certified key.
 * One unit per statement and not one per order, so the log does not show which packs went to
 * the same patient.
 *
 * @param key the pharmacy's statement-signing key
 * @param party the pharmacy's PGLN, as its certificate in the ledger names it
 * @param location where this station dispenses: the configured pharmacy GLN, a certified location of {@code party}
 */
public record StationSigner(SigningKey key, Gln party, Gln location) {
    public StationSigner {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(location, "location");
    }

    /** The unit's commitment: what the log calls it (docs/LEDGER.md "Unit commitments"). */
    public static UnitCommitment commitment(String gtin, String serial) {
        return UnitCommitment.of(new Gtin(gtin), serial);
    }

    /** A signed {@code dispensing} of one unit at {@code at} (CBV dispensing / dispensed). */
    public SignedStatement dispense(String gtin, String serial, Instant at) {
        return key.sign(new Dispensing(party, millis(at), location, List.of(commitment(gtin, serial))));
    }

    /** A signed {@code dispense_undo} naming the dispense at log index {@code dispenseIndex}. */
    public SignedStatement undo(String gtin, String serial, Instant at, long dispenseIndex) {
        return key.sign(new DispenseUndo(party, millis(at), location, dispenseIndex, List.of(commitment(gtin, serial))));
    }

    /** A signed {@code suspect_report} for one unit held in quarantine here. */
    public SignedStatement suspect(String gtin, String serial, Instant at, Suspicion suspicion) {
        return key.sign(new SuspectReport(party, millis(at), location, suspicion, List.of(commitment(gtin, serial))));
    }

    /** A signed {@code dispense_return}: a unit dispensed here came back and is in saleable stock again. */
    public SignedStatement returnToStock(String gtin, String serial, Instant at) {
        return key.sign(new DispenseReturn(party, millis(at), location, List.of(commitment(gtin, serial))));
    }

    // Statement times have millisecond precision (docs/LEDGER.md); the clock may have more.
    static Instant millis(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}

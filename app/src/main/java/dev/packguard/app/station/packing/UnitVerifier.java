package dev.packguard.app.station.packing;

import dev.packguard.scanner.ProductIdentifier;

/**
 * Verifies one scanned unit for packing against the station's ledger (DESIGN.md rules 1–7; the
 * order rule 8 is the packing session's). The ledger-client verification rules plug in here.
 * Implementations may block on I/O and crypto: callers run them off the FX thread.
 */
@FunctionalInterface
public interface UnitVerifier {
    /** The verdict for {@code unit}, which must last {@code daysSupply} days. Never throws for a bad unit. */
    UnitVerdict verify(ProductIdentifier unit, int daysSupply);

    /**
     * As {@link #verify(ProductIdentifier, int)}, accepting a ledger up to {@code maxLedgerAge}
     * old (a pharmacist's stale-ledger override). Verifiers that do not judge the ledger's age
     * ignore it.
     */
    default UnitVerdict verify(ProductIdentifier unit, int daysSupply, java.time.Duration maxLedgerAge) {
        return verify(unit, daysSupply);
    }
}

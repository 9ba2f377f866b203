package dev.packguard.ledger.rules;

import dev.packguard.ledger.statement.Commissioning;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rule 3, commissioned: a trusted commissioning names the unit (GTIN + serial commitment), it was
 * made by the manufacturer whose certified company prefix owns the GTIN, and the lot and expiry
 * printed on the pack equal the commissioned ones. A mismatch is a counterfeit indicator
 * (EU 2016/161 Art. 11; NMVS FE_LOT_03/12/13, NC_PC_02).
 */
public final class CommissioningRule {
    private CommissioningRule() {}

    /** The findings; empty when the unit was commissioned as scanned. */
    public static List<Reason> check(UnitHistory h) {
        Optional<LoggedEvent> found = h.commissioning();
        if (found.isEmpty()) {
            boolean untrustedClaim = h.events().stream().anyMatch(e -> !e.trusted() && e.event() instanceof Commissioning);
            // A commissioning exists but its signer is not trusted: rule 4 names the cause; "unknown" would mislead.
            return untrustedClaim ? List.of() : List.of(new Reason(ReasonCode.UNKNOWN_SERIAL,
                    "no commissioning of GTIN " + h.scan().gtin() + " names this serial"));
        }
        Commissioning c = (Commissioning) found.get().event();
        List<Reason> out = new ArrayList<>();
        boolean owner = UnitHistory.signer(found.get()).orElseThrow().certificate().profile().owns(c.gtin());
        if (!owner) {
            out.add(new Reason(ReasonCode.WRONG_MANUFACTURER, "entry " + found.get().index() + ": " + c.party()
                    + " does not own the company prefix of GTIN " + c.gtin()));
        }
        if (!c.lot().equals(h.scan().lot())) {
            ReasonCode code = h.scannedLotCommissioned() ? ReasonCode.BATCH_MISMATCH : ReasonCode.UNKNOWN_BATCH;
            out.add(new Reason(code, "pack says lot " + h.scan().lot() + ", entry " + found.get().index()
                    + " commissioned it in lot " + c.lot()));
        } else if (!c.expiry().equals(h.scan().expiry())) {
            out.add(new Reason(ReasonCode.EXPIRY_MISMATCH, "pack says " + h.scan().expiry() + ", entry "
                    + found.get().index() + " says " + c.expiry()));
        }
        return out;
    }
}

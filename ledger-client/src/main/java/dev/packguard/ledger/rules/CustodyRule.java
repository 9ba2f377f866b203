package dev.packguard.ledger.rules;

import dev.packguard.ledger.statement.Commissioning;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Receiving;
import dev.packguard.ledger.statement.Returning;
import dev.packguard.ledger.statement.Shipping;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rule 5, custody: from the commissioning on, the unit's trusted ship / receive events form an
 * unbroken chain — each shipment leaves the location that holds the unit, each receipt takes
 * exactly the open shipment at its destination, each party acts only at its own certified
 * locations — and, when packing, the chain ends at a location of this pharmacy (DSCSA
 * transaction history; EU 2016/161 Art. 20 wholesaler verification).
 */
public final class CustodyRule {
    private CustodyRule() {}

    /** The finding, if any: at most one reason, the first break in the chain. */
    public static List<Reason> check(UnitHistory h, Mode mode, Gln pharmacyGln) {
        Optional<LoggedEvent> start = h.commissioning();
        if (start.isEmpty()) {
            return List.of(); // rule 3 (or 4) already fails the unit; there is no chain to follow
        }
        Commissioning c = (Commissioning) start.get().event();
        Parties parties = h.parties();
        Gln holder = c.location();
        if (!parties.locationsOf(c.party()).contains(holder)) {
            return gap(start.get(), "commissioned at " + holder + ", not a site of " + c.party());
        }
        Gln inTransitTo = null;
        Gln inTransitFrom = null;
        for (LoggedEvent e : h.trusted()) {
            if (e.index() < start.get().index()) {
                if (e.event() instanceof Shipping || e.event() instanceof Receiving || e.event() instanceof Returning) {
                    return gap(e, "moved before it was commissioned");
                }
                continue;
            }
            if (e.event() instanceof Shipping s) {
                if (inTransitTo != null || !s.from().equals(holder) || !parties.locationsOf(s.party()).contains(s.from())) {
                    return gap(e, "shipped from " + s.from() + " by " + s.party() + " while the unit was at "
                            + (inTransitTo != null ? "no one (in transit to " + inTransitTo + ")" : holder));
                }
                inTransitFrom = s.from();
                inTransitTo = s.to();
            } else if (e.event() instanceof Returning r) {
                if (inTransitTo != null || !r.from().equals(holder) || !parties.locationsOf(r.party()).contains(r.from())) {
                    return gap(e, "returned from " + r.from() + " while the unit was at " + holder);
                }
                inTransitFrom = r.from();
                inTransitTo = r.to();
            } else if (e.event() instanceof Receiving r) {
                if (inTransitTo == null || !r.to().equals(inTransitTo) || !r.from().equals(inTransitFrom)
                        || !parties.locationsOf(r.party()).contains(r.to())) {
                    return gap(e, "received at " + r.to() + " from " + r.from() + " without a matching shipment");
                }
                holder = r.to();
                inTransitTo = null;
                inTransitFrom = null;
            } else if (e.event() instanceof Dispensing d) {
                if (inTransitTo != null || !d.location().equals(holder)) {
                    return gap(e, "dispensed at " + d.location() + " while the unit was at " + holder);
                }
            }
        }
        Set<Gln> ours = parties.ours(pharmacyGln);
        if (inTransitTo != null) {
            return ours.contains(inTransitTo)
                    ? gap(h.trusted().get(h.trusted().size() - 1), "shipped to us, but its receipt was never recorded")
                    : List.of(new Reason(ReasonCode.NOT_IN_OUR_CUSTODY, "in transit to " + inTransitTo));
        }
        if (mode == Mode.PACK && !ours.contains(holder)) {
            return List.of(new Reason(ReasonCode.NOT_IN_OUR_CUSTODY, "last received at " + holder));
        }
        return List.of();
    }

    private static List<Reason> gap(LoggedEvent at, String why) {
        return List.of(new Reason(ReasonCode.CUSTODY_GAP, "entry " + at.index() + ": " + why));
    }
}

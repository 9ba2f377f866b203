package dev.packguard.ledger.rules;

import dev.packguard.ledger.statement.Decommissioning;
import dev.packguard.ledger.statement.DispenseReturn;
import dev.packguard.ledger.statement.DispenseUndo;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Gtin;
import dev.packguard.ledger.statement.Recall;
import dev.packguard.ledger.statement.Role;
import dev.packguard.ledger.statement.SuspectReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rule 6, status: the unit is not recalled (itself, or its lot, by the GTIN's manufacturer or a
 * regulator), stolen, destroyed, decommissioned or reported suspect; when packing it is not
 * dispensed; for a return it was dispensed at this pharmacy and the return window has not
 * passed. A dispense counts as reversed only by an undo from the same party, naming that
 * dispense, within the undo window (EU 2016/161 Art. 13; NMVS NC_PCK_20/21), or by a return to
 * stock ({@code dispense_return}) from the same party within the return window.
 */
public final class StatusRule {
    private StatusRule() {}

    /** The findings, in the order the codes are declared. */
    public static List<Reason> check(UnitHistory h, Mode mode, StationContext ctx) {
        List<Reason> out = new ArrayList<>();
        var gtin = h.scan().gtin();
        LoggedEvent dispensed = null;
        for (LoggedEvent e : h.trusted()) {
            String at = "entry " + e.index();
            if (e.event() instanceof Recall r) {
                if (mayRecall(e, gtin)) {
                    out.add(new Reason(ReasonCode.RECALLED, at + ": unit recalled by " + r.party()));
                }
            } else if (e.event() instanceof Decommissioning d) {
                ReasonCode code = switch (d.reason()) {
                    case STOLEN -> ReasonCode.STOLEN;
                    case DESTROYED -> ReasonCode.DESTROYED;
                    case SAMPLE, EXPORTED -> ReasonCode.DECOMMISSIONED;
                };
                out.add(new Reason(code, at + ": " + d.reason().wireName() + " at " + d.location()));
            } else if (e.event() instanceof SuspectReport s) {
                out.add(new Reason(ReasonCode.SUSPECT, at + ": reported " + s.suspicion().wireName() + " by " + s.party()));
            } else if (e.event() instanceof Dispensing) {
                dispensed = e;
            } else if (e.event() instanceof DispenseUndo u && dispensed != null && undoes(u, dispensed, ctx)) {
                dispensed = null;
            } else if (e.event() instanceof DispenseReturn r && dispensed != null && takesBack(r, dispensed, ctx)) {
                dispensed = null;
            }
        }
        for (LoggedEvent e : h.lotRecalls()) {
            if (mayRecall(e, gtin)) {
                out.add(new Reason(ReasonCode.RECALLED, "entry " + e.index() + ": lot recalled by " + e.event().party()));
            }
        }
        Set<Gln> ours = h.parties().ours(ctx.pharmacyGln());
        if (mode == Mode.PACK && dispensed != null) {
            out.add(new Reason(ReasonCode.ALREADY_DISPENSED, "entry " + dispensed.index() + ": dispensed at "
                    + ((Dispensing) dispensed.event()).location() + " on " + dispensed.event().eventTime()));
        } else if (mode == Mode.RETURN) {
            if (dispensed == null) {
                out.add(new Reason(ReasonCode.NOT_DISPENSED, "no dispense of this unit is in force"));
            } else if (!ours.contains(((Dispensing) dispensed.event()).location())) {
                out.add(new Reason(ReasonCode.NOT_DISPENSED_HERE, "entry " + dispensed.index() + ": dispensed at "
                        + ((Dispensing) dispensed.event()).location()));
            } else if (Duration.between(dispensed.event().eventTime(), ctx.now())
                    .compareTo(Duration.ofDays(ctx.policies().returnWindowDays())) > 0) {
                out.add(new Reason(ReasonCode.RETURN_WINDOW_EXCEEDED, "entry " + dispensed.index() + ": dispensed on "
                        + dispensed.event().eventTime() + ", window " + ctx.policies().returnWindowDays() + " days"));
            }
        }
        out.sort((a, b) -> a.code().compareTo(b.code()));
        return out;
    }

    /** A regulator may recall anything; a manufacturer only GTINs under its certified company prefixes. */
    private static boolean mayRecall(LoggedEvent e, Gtin gtin) {
        var profile = UnitHistory.signer(e).orElseThrow().certificate().profile();
        return profile.role() == Role.REGULATOR || profile.owns(gtin);
    }

    /** A return to stock counts when the dispensing party takes the unit back within the return window. */
    private static boolean takesBack(DispenseReturn r, LoggedEvent dispense, StationContext ctx) {
        Duration after = Duration.between(dispense.event().eventTime(), r.eventTime());
        return r.party().equals(dispense.event().party()) && !after.isNegative()
                && after.compareTo(Duration.ofDays(ctx.policies().returnWindowDays())) <= 0;
    }

    private static boolean undoes(DispenseUndo u, LoggedEvent dispense, StationContext ctx) {
        Duration after = Duration.between(dispense.event().eventTime(), u.eventTime());
        return u.dispenseIndex() == dispense.index() && u.party().equals(dispense.event().party())
                && !after.isNegative() && after.compareTo(Duration.ofDays(ctx.policies().undoWindowDays())) <= 0;
    }
}

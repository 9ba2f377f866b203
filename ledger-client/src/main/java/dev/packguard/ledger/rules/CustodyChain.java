package dev.packguard.ledger.rules;

import dev.packguard.ledger.pki.Authorization;
import dev.packguard.ledger.statement.Commissioning;
import dev.packguard.ledger.statement.Decommissioning;
import dev.packguard.ledger.statement.DispenseReturn;
import dev.packguard.ledger.statement.DispenseUndo;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.Event;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Receiving;
import dev.packguard.ledger.statement.Recall;
import dev.packguard.ledger.statement.RecallScope;
import dev.packguard.ledger.statement.Returning;
import dev.packguard.ledger.statement.Shipping;
import dev.packguard.ledger.statement.SuspectReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A unit's chain of custody for its verdict: every event naming the unit, trusted or not, and
 * the trusted recalls of its lot, in log order, with names from the party directory. Built from
 * the history the rules already loaded, so it costs no reads.
 */
public final class CustodyChain {
    private CustodyChain() {}

    /** The steps of {@code h}, ascending log index (the order the ledger recorded them). */
    public static List<CustodyStep> of(UnitHistory h) {
        List<LoggedEvent> all = new ArrayList<>(h.events().size() + h.lotRecalls().size());
        all.addAll(h.events());
        all.addAll(h.lotRecalls());
        all.sort(Comparator.comparingLong(LoggedEvent::index));
        List<CustodyStep> steps = new ArrayList<>(all.size());
        long last = -1;
        for (LoggedEvent e : all) {
            if (e.index() != last) { // a lot recall naming the unit too would appear twice
                steps.add(step(e, h.parties()));
                last = e.index();
            }
        }
        return steps;
    }

    private static CustodyStep step(LoggedEvent e, Parties parties) {
        CustodyStep.Actor actor = parties.party(e.event().party());
        CustodyStep.Trust trust = e.authorization() instanceof Authorization.Authorized a
                ? new CustodyStep.Trust.Verified(a.registrationIndex())
                : new CustodyStep.Trust.NotVerified(((Authorization.Unauthorized) e.authorization()).failure(),
                        ((Authorization.Unauthorized) e.authorization()).detail());
        Event ev = e.event();
        long i = e.index();
        Instant t = ev.eventTime();
        Optional<CustodyStep.Actor> none = Optional.empty();
        // A switch over every kind: a new event type does not compile until it has its step here.
        return switch (ev.kind()) {
            case COMMISSIONING -> {
                Commissioning c = (Commissioning) ev;
                yield new CustodyStep(i, t, CustodyStep.Action.COMMISSIONED, actor, at(parties, c.location()), none,
                        "lot " + c.lot().value() + ", expiry " + c.expiry(), trust);
            }
            case SHIPPING -> {
                Shipping sh = (Shipping) ev;
                yield new CustodyStep(i, t, CustodyStep.Action.SHIPPED, actor, at(parties, sh.from()),
                        at(parties, sh.to()), "", trust);
            }
            case RECEIVING -> {
                Receiving r = (Receiving) ev;
                yield new CustodyStep(i, t, CustodyStep.Action.RECEIVED, actor, at(parties, r.to()),
                        at(parties, r.from()), "", trust);
            }
            case RETURNING -> {
                Returning r = (Returning) ev;
                yield new CustodyStep(i, t, CustodyStep.Action.RETURNED, actor, at(parties, r.from()),
                        at(parties, r.to()), "", trust);
            }
            case DISPENSING -> new CustodyStep(i, t, CustodyStep.Action.DISPENSED, actor,
                    at(parties, ((Dispensing) ev).location()), none, "", trust);
            case DISPENSE_UNDO -> {
                DispenseUndo u = (DispenseUndo) ev;
                yield new CustodyStep(i, t, CustodyStep.Action.DISPENSE_UNDONE, actor, at(parties, u.location()), none,
                        "reverses entry " + u.dispenseIndex(), trust);
            }
            case DISPENSE_RETURN -> new CustodyStep(i, t, CustodyStep.Action.RETURNED_TO_STOCK, actor,
                    at(parties, ((DispenseReturn) ev).location()), none, "patient return, seal intact", trust);
            case DECOMMISSIONING -> {
                Decommissioning d = (Decommissioning) ev;
                yield new CustodyStep(i, t, CustodyStep.Action.DECOMMISSIONED, actor, at(parties, d.location()), none,
                        d.reason().wireName(), trust);
            }
            case RECALL -> new CustodyStep(i, t, CustodyStep.Action.RECALLED, actor, none, none,
                    ((Recall) ev).scope() instanceof RecallScope.ByLot lot ? "whole lot " + lot.lot().value()
                            : "these units", trust);
            case SUSPECT_REPORT -> {
                SuspectReport r = (SuspectReport) ev;
                yield new CustodyStep(i, t, CustodyStep.Action.REPORTED_SUSPECT, actor, at(parties, r.location()), none,
                        r.suspicion().wireName(), trust);
            }
        };
    }

    private static Optional<CustodyStep.Actor> at(Parties parties, Gln location) {
        return Optional.of(parties.location(location));
    }
}

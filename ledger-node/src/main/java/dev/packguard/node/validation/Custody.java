package dev.packguard.node.validation;

import dev.packguard.ledger.statement.Commissioning;
import dev.packguard.ledger.statement.Decommissioning;
import dev.packguard.ledger.statement.DispenseReturn;
import dev.packguard.ledger.statement.DispenseUndo;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.Event;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Receiving;
import dev.packguard.ledger.statement.Returning;
import dev.packguard.ledger.statement.Shipping;
import dev.packguard.ledger.statement.UnitCommitment;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who holds each unit, from the trusted events in log order: the state the sequencer needs to
 * refuse an event that contradicts the log (HTTP 409) instead of logging it. Only the current
 * custodian may ship, return, dispense or decommission a unit; a shipment is received at the
 * location it was sent to; a unit is commissioned once and dispensed at most once (an undo by
 * the dispensing party, naming that dispense, or a return to stock by the dispensing party puts
 * it back). Recalls and suspect reports change
 * no custody. Not thread-safe: the sequencing thread owns it.
 */
final class Custody {
    private enum Kind { HELD, IN_TRANSIT, DISPENSED, GONE }

    // party: holder (HELD, DISPENSED) or shipper (IN_TRANSIT); place: destination in transit.
    private record Unit(Kind kind, Gln party, Gln place, long index) {
    }

    private final Map<UnitCommitment, Unit> units = new HashMap<>();

    /**
     * Why an event contradicts the log.
     *
     * @param latest the log index of the entry that last changed the unit at fault, when the log
     *     knows the unit: a resubmission of that entry conflicts with exactly that index
     */
    record Refusal(String reason, OptionalLong latest) {
    }

    /** Why {@code event} contradicts the log, or empty when it does not. */
    Optional<Refusal> conflict(Event event) {
        for (UnitCommitment u : event.units()) {
            Unit unit = units.get(u);
            Optional<String> c = conflict(event, u, unit);
            if (c.isPresent()) {
                return Optional.of(new Refusal("unit " + u.value() + ": " + c.get(),
                        unit == null ? OptionalLong.empty() : OptionalLong.of(unit.index())));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> conflict(Event event, UnitCommitment u, Unit unit) {
        if (event instanceof Commissioning) {
            return unit == null ? Optional.empty()
                    : Optional.of("already commissioned (log index " + unit.index() + " changed it last)");
        }
        boolean custodyEvent = event instanceof Shipping || event instanceof Returning || event instanceof Receiving
                || event instanceof Dispensing || event instanceof DispenseUndo || event instanceof DispenseReturn
                || event instanceof Decommissioning;
        if (!custodyEvent) {
            return Optional.empty();
        }
        if (unit == null) {
            return Optional.of("not commissioned in this log");
        }
        Gln party = event.party();
        if (event instanceof Receiving r) {
            if (unit.kind() != Kind.IN_TRANSIT) {
                return Optional.of("not in transit, nothing to receive");
            }
            return unit.place().equals(r.to()) ? Optional.empty()
                    : Optional.of("shipped to " + unit.place().digits() + ", not to " + r.to().digits());
        }
        if (event instanceof DispenseUndo d) {
            if (unit.kind() != Kind.DISPENSED || !unit.party().equals(party)) {
                return Optional.of("not dispensed by " + party.digits());
            }
            return unit.index() == d.dispenseIndex() ? Optional.empty()
                    : Optional.of("its dispense is log index " + unit.index() + ", not " + d.dispenseIndex());
        }
        if (event instanceof DispenseReturn) {
            return unit.kind() == Kind.DISPENSED && unit.party().equals(party) ? Optional.empty()
                    : Optional.of("not dispensed by " + party.digits() + ", so it cannot be returned to its stock");
        }
        if (unit.kind() == Kind.DISPENSED) {
            return Optional.of("already dispensed (log index " + unit.index() + ")");
        }
        if (unit.kind() == Kind.GONE) {
            return Optional.of("decommissioned (log index " + unit.index() + ")");
        }
        if (unit.kind() == Kind.IN_TRANSIT) {
            return Optional.of("in transit to " + unit.place().digits() + "; it must be received first");
        }
        return unit.party().equals(party) ? Optional.empty()
                : Optional.of("held by " + unit.party().digits() + ", not by " + party.digits());
    }

    /** Applies a trusted event that had no conflict. */
    void apply(long index, Event event) {
        Gln party = event.party();
        for (UnitCommitment u : event.units()) {
            Unit before = units.get(u);
            Unit after;
            if (event instanceof Commissioning) {
                after = new Unit(Kind.HELD, party, party, index);
            } else if (event instanceof Shipping s) {
                after = new Unit(Kind.IN_TRANSIT, party, s.to(), index);
            } else if (event instanceof Returning r) {
                after = new Unit(Kind.IN_TRANSIT, party, r.to(), index);
            } else if (event instanceof Receiving) {
                after = new Unit(Kind.HELD, party, party, index);
            } else if (event instanceof Dispensing) {
                after = new Unit(Kind.DISPENSED, party, party, index);
            } else if (event instanceof DispenseUndo || event instanceof DispenseReturn) {
                after = new Unit(Kind.HELD, party, party, index);
            } else if (event instanceof Decommissioning) {
                after = new Unit(Kind.GONE, party, party, index);
            } else {
                after = before;
            }
            if (after != null) {
                units.put(u, after);
            }
        }
    }
}

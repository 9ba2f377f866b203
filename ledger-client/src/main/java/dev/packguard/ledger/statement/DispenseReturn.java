package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A patient's return taken back into saleable stock at {@code location} by the pharmacy that
 * dispensed the units: the pack came back unopened, passed the return checks and may be
 * dispensed again. It reverses the dispense in force for each unit; whether it counts (same
 * party as that dispense, within the return window) is for the verification rules
 * (docs/LEDGER.md "Returns to stock"). Unlike {@link DispenseUndo}, which corrects a mistaken
 * dispense within the undo window, the pack really left the pharmacy and came back.
 * CBV 2.0: business step {@code inspecting}, disposition {@code sellable_accessible}.
 */
public record DispenseReturn(Gln party, Instant eventTime, Gln location, List<UnitCommitment> units) implements Event {
    /** Wire name of the type. */
    public static final String TYPE = "dispense_return";

    /** Requires every field; sorts the units and rejects duplicates. */
    public DispenseReturn {
        Checks.header(party, eventTime);
        Objects.requireNonNull(location, "location");
        units = Checks.units(units);
    }

    @Override
    public EventKind kind() {
        return EventKind.DISPENSE_RETURN;
    }
}

package dev.packguard.app.station.packing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The packing session at one moment, for the screen: where the operator is in the workflow,
 * the order and what has been packed on each line.
 *
 * @param stage what the station waits for
 * @param operator who is signed in
 * @param order the open order
 * @param packed GTIN → units accepted on that line, in scan order
 * @param awaitingQuarantine the blocked unit that must go to the quarantine bin first
 * @param halted why the station stopped (audit or outbox write failed, audit log tampered)
 */
public record PackingSnapshot(Stage stage, Optional<String> operator, Optional<Order> order,
        Map<String, List<UnitKey>> packed, Optional<ScanOutcome.Blocked> awaitingQuarantine, Optional<String> halted) {

    /** What the station waits for. */
    public enum Stage {
        SIGN_IN, OPEN_ORDER, SCANNING, QUARANTINE, READY_TO_SEAL, HALTED
    }

    public PackingSnapshot {
        packed = Map.copyOf(packed);
    }

    /** Units packed on {@code line} so far. */
    public int count(Order.Line line) {
        return packed.getOrDefault(line.gtin(), List.of()).size();
    }
}

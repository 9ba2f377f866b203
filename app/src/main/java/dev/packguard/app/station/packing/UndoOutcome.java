package dev.packguard.app.station.packing;

import java.util.List;

/** What an undo of a dispense did (EU: within 10 days, same location, NMVS_NC_PCK_20/21). */
public sealed interface UndoOutcome {

    /** The order's dispense is reversed; undo statements are in the outbox. */
    record Undone(String orderId, List<UnitKey> units, String pharmacist) implements UndoOutcome {
    }

    /** Not undone, for {@code why} (unknown order, already undone, too late, wrong PIN). */
    record Refused(String why) implements UndoOutcome {
    }

    /** A write failed: the station stops until this is fixed. */
    record Halted(String why) implements UndoOutcome {
    }
}

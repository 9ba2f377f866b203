package dev.packguard.app.station.packing;

import java.nio.file.Path;
import java.util.List;

/** What "Pack & seal" did. */
public sealed interface SealOutcome {

    /** The order was sealed: dispense statements are in the outbox, the slip is at {@code slip}. */
    record Sealed(String orderId, List<UnitKey> units, Path slip) implements SealOutcome {
    }

    /** Lines still short of their quantity, e.g. "Ibuprofen 400 mg: 1 of 2". */
    record NotReady(List<String> missing) implements SealOutcome {
    }

    /** Not possible now, for {@code why}. */
    record Refused(String why) implements SealOutcome {
    }

    /** A write failed: the station stops until this is fixed. */
    record Halted(String why) implements SealOutcome {
    }
}

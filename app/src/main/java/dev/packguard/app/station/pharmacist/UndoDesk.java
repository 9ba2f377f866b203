package dev.packguard.app.station.pharmacist;

import dev.packguard.app.station.packing.Outbox;
import dev.packguard.app.station.packing.OutboxException;
import dev.packguard.app.station.packing.PackingSession;
import dev.packguard.app.station.packing.UndoOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Undo of a dispense (issue 7: "within the policy window, with pharmacist PIN, recorded"; EU:
 * 10 days, same location, NMVS_NC_PCK_20/21): which orders sealed here may still be undone, and
 * the undo itself through the packing session, which checks the PIN (throttled), the window and
 * records every attempt. Blocking: call on the packing session's worker thread.
 */
public final class UndoDesk {
    /** The shortest reason accepted. */
    public static final int MIN_REASON = 5;

    private final PackingSession session;
    private final Outbox outbox;
    private final Duration window;
    private final Clock clock;

    public UndoDesk(PackingSession session, Outbox outbox, Duration window, Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The orders sealed at this station within the undo window and not undone, newest first. */
    public List<Outbox.SealedOrder> undoable() throws OutboxException {
        return outbox.sealedSince(clock.instant().minus(window));
    }

    /** The undo window. */
    public Duration window() {
        return window;
    }

    /**
     * Undoes order {@code orderId} for pharmacist {@code pharmacistId} with {@code pin} (cleared
     * here) and {@code reason}. A missing reason is refused before the PIN is looked at.
     */
    public UndoOutcome undo(String orderId, String pharmacistId, char[] pin, String reason) {
        try {
            String why = reason == null ? "" : reason.strip();
            if (why.length() < MIN_REASON) {
                return new UndoOutcome.Refused("Write the reason for the undo (at least " + MIN_REASON + " characters).");
            }
            return session.undo(orderId, pharmacistId.strip(), pin, why);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }
}

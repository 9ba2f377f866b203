package dev.packguard.app.station.input;

import java.util.Objects;

/**
 * Tells keyboard-wedge scans apart from human typing by timing alone: characters that follow
 * each other within {@link WedgeTiming#maxGap} form a burst, and a burst of at least
 * {@link WedgeTiming#minLength} characters that a terminator ends in time is a scan. Anything
 * else is typing. Timestamps come in (nanoseconds, any origin, never decreasing), so this is
 * tested without a keyboard. Not thread-safe: one detector per window, used on its event thread.
 */
public final class BurstDetector {
    private final WedgeTiming timing;
    private final long maxGapNanos;
    private final StringBuilder burst = new StringBuilder();
    private long lastNanos;

    public BurstDetector(WedgeTiming timing) {
        this.timing = Objects.requireNonNull(timing, "timing");
        this.maxGapNanos = timing.maxGap().toNanos();
    }

    /** The timing in use. */
    public WedgeTiming timing() {
        return timing;
    }

    /**
     * A character key at {@code nanos}. When it comes too late to continue the burst before it,
     * that burst is returned as {@link WedgeEvent.Typed} and this character starts a new one.
     */
    public WedgeEvent character(char c, long nanos) {
        WedgeEvent released = WedgeEvent.NOTHING;
        if (burst.length() > 0 && nanos - lastNanos > maxGapNanos) {
            released = new WedgeEvent.Typed(burst.toString());
            burst.setLength(0);
        }
        burst.append(c);
        lastNanos = nanos;
        return released;
    }

    /** True when the next character at {@code nanos} would start a new burst. */
    public boolean startsNewBurst(long nanos) {
        return burst.length() == 0 || nanos - lastNanos > maxGapNanos;
    }

    /**
     * A terminator key at {@code nanos} (callers pass only the terminators {@link #timing} enables).
     * Returns {@link WedgeEvent.Scan} when it ends a burst that is long enough, else
     * {@link WedgeEvent.Typed} with the pending characters (the terminator then belongs to the
     * person typing) or {@link WedgeEvent#NOTHING} when none are pending.
     */
    public WedgeEvent terminator(long nanos) {
        if (burst.length() == 0) {
            return WedgeEvent.NOTHING;
        }
        String text = burst.toString();
        burst.setLength(0);
        if (text.length() >= timing.minLength() && nanos - lastNanos <= maxGapNanos) {
            return new WedgeEvent.Scan(text);
        }
        return new WedgeEvent.Typed(text);
    }

    /** Releases pending characters as typing when the burst has ended without a terminator. */
    public WedgeEvent idle(long nanos) {
        if (burst.length() > 0 && nanos - lastNanos > maxGapNanos) {
            String text = burst.toString();
            burst.setLength(0);
            return new WedgeEvent.Typed(text);
        }
        return WedgeEvent.NOTHING;
    }
}

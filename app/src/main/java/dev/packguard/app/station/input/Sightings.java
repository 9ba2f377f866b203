package dev.packguard.app.station.input;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the codes seen in successive camera frames into scans, once per appearance: a pack held
 * up to the camera is in dozens of frames but is one scan. A code is scanned again only after it
 * has been out of view, that is missing from a decoded frame, and not seen for {@code gone}
 * (a pack taken away and shown again; one blurred frame is not "away").
 *
 * <p>Not thread-safe: one decoding thread calls it.
 */
public final class Sightings {
    private final long goneNanos;
    private final Map<String, Seen> seen = new HashMap<>();

    private record Seen(long lastNanos, boolean missed) {
    }

    /** Scans a code again after {@code gone} out of view. */
    public Sightings(Duration gone) {
        if (gone.isNegative() || gone.isZero()) {
            throw new IllegalArgumentException("gone must be positive: " + gone);
        }
        this.goneNanos = gone.toNanos();
    }

    /**
     * One decoded frame taken at {@code nanos} (a monotonic clock, {@link System#nanoTime()})
     * holding {@code codes} (none when nothing was found): the codes to scan now, in the order given.
     */
    public List<String> frame(Collection<String> codes, long nanos) {
        seen.entrySet().removeIf(e -> e.getValue().missed() && nanos - e.getValue().lastNanos() >= goneNanos);
        List<String> fresh = new ArrayList<>();
        for (String code : codes) {
            if (!seen.containsKey(code) && !fresh.contains(code)) {
                fresh.add(code);
            }
        }
        seen.replaceAll((code, s) -> codes.contains(code) ? s : new Seen(s.lastNanos(), true));
        for (String code : codes) {
            seen.put(code, new Seen(nanos, false));
        }
        return fresh;
    }

    /** The pictures stopped (the camera was lost): every code counts as out of view since it was last seen. */
    public void interrupted() {
        seen.replaceAll((code, s) -> new Seen(s.lastNanos(), true));
    }
}

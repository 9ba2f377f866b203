package dev.packguard.app.station;

import java.time.Duration;

/** Ages in words for people at a station: "3 h 12 min", "45 s", "2 d 4 h". */
public final class Ages {
    private Ages() {
    }

    /** {@code age} rounded down to its two largest units; negative ages (clock skew) read as 0 s. */
    public static String describe(Duration age) {
        long s = Math.max(0, age.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        if (s < 86_400) {
            return (s / 3600) + " h " + (s % 3600 / 60) + " min";
        }
        return (s / 86_400) + " d " + (s % 86_400 / 3600) + " h";
    }

    /** A short wait in words, as a retry states it: whole seconds as "2 s", anything else as "300 ms". */
    public static String shortWait(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }
}

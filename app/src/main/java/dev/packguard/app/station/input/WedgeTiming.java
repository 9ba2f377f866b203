package dev.packguard.app.station.input;

import java.time.Duration;
import java.util.Objects;

/**
 * How a keyboard-wedge scanner is told apart from a person typing. A scanner "types" a whole
 * code in a few milliseconds per character and ends it with Enter or Tab; people leave 80 ms or
 * more between keys even when typing fast.
 *
 * @param maxGap longest pause between two characters of one scan
 * @param minLength fewest characters a scan has (the shortest pack code, a GTIN-8, has 8)
 * @param enterEnds Enter ends a scan
 * @param tabEnds Tab ends a scan
 */
public record WedgeTiming(Duration maxGap, int minLength, boolean enterEnds, boolean tabEnds) {

    public WedgeTiming {
        Objects.requireNonNull(maxGap, "maxGap");
        if (maxGap.isNegative() || maxGap.isZero() || maxGap.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("maxGap must be between 1 ns and 1 s, was " + maxGap);
        }
        if (minLength < 1 || minLength > 4096) {
            throw new IllegalArgumentException("minLength must be 1..4096, was " + minLength);
        }
        if (!enterEnds && !tabEnds) {
            throw new IllegalArgumentException("a scan must end with Enter, Tab or both");
        }
    }

    /** 40 ms between keys at most, 8 characters at least, ended by Enter or Tab. */
    public static WedgeTiming defaults() {
        return new WedgeTiming(Duration.ofMillis(40), 8, true, true);
    }
}

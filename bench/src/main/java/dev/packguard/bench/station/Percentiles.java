package dev.packguard.bench.station;

import java.util.Arrays;
import java.util.Locale;

/**
 * Order statistics of a set of measured durations, by the nearest-rank method: the p-th
 * percentile is the smallest sample that at least p % of the samples do not exceed (sample
 * number ⌈p/100 · n⌉ in ascending order). No interpolation, so every figure reported is a time
 * that was actually measured.
 *
 * @param count how many samples
 * @param min the fastest, in nanoseconds
 * @param median the 50th percentile, in nanoseconds
 * @param p90 the 90th percentile, in nanoseconds
 * @param p99 the 99th percentile, in nanoseconds
 * @param max the slowest, in nanoseconds
 */
public record Percentiles(int count, long min, long median, long p90, long p99, long max) {
    public Percentiles {
        if (count <= 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(min <= median && median <= p90 && p90 <= p99 && p99 <= max)) {
            throw new IllegalArgumentException("order statistics out of order");
        }
    }

    /** The statistics of {@code nanos} (not changed); at least one sample. */
    public static Percentiles of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, sorted[0], rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The {@code percent}-th percentile of ascending {@code sorted} by nearest rank, 0 &lt; percent ≤ 100. */
    static long rank(long[] sorted, int percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        // ⌈percent · n / 100⌉ in exact integer arithmetic, as a 1-based rank.
        long r = ((long) percent * sorted.length + 99) / 100;
        return sorted[(int) r - 1];
    }

    /** One line in milliseconds, e.g. {@code n=2000 median 1.23 ms, p90 …, p99 …, max … (min …)}. */
    public String describe() {
        return String.format(Locale.ROOT, "n=%d median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (min %.2f ms)",
                count, ms(median), ms(p90), ms(p99), ms(max), ms(min));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}

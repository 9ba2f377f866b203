package dev.packguard.bench.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentilesTest {

    // Nearest rank over 1..n: the p-th percentile is ⌈p·n/100⌉.
    @ParameterizedTest
    @CsvSource(textBlock = """
            # n,    percent, expected
              100,  50,      50
              100,  99,      99
              100,  100,     100
              2000, 99,      1980
              2001, 99,      1981
              10,   99,      10
              10,   50,      5
              1,    50,      1
              1,    99,      1
              3,    50,      2
            """)
    void rank_isTheNearestRank(int n, int percent, long expected) {
        long[] sorted = LongStream.rangeClosed(1, n).toArray();
        assertThat(Percentiles.rank(sorted, percent)).isEqualTo(expected);
    }

    @Test
    void of_sortsACopy_andReportsMeasuredSamplesOnly() {
        long[] samples = {9, 1, 5, 3, 7, 1000};
        Percentiles p = Percentiles.of(samples);
        assertThat(p).isEqualTo(new Percentiles(6, 1, 5, 1000, 1000, 1000));
        assertThat(samples).containsExactly(9, 1, 5, 3, 7, 1000);
    }

    @Test
    void describe_isInMilliseconds() {
        Percentiles p = Percentiles.of(new long[] {1_500_000, 2_000_000, 40_000_000});
        assertThat(p.describe()).isEqualTo("n=3 median 2.00 ms, p90 40.00 ms, p99 40.00 ms, max 40.00 ms (min 1.50 ms)");
    }

    @Test
    void noSamples_orBadPercent_areRefused() {
        assertThatThrownBy(() -> Percentiles.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.rank(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.rank(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}

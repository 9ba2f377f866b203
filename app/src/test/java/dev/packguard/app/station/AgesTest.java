package dev.packguard.app.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            -5     | 0 s
            45     | 45 s
            600    | 10 min
            11520  | 3 h 12 min
            187200 | 2 d 4 h
            """)
    void describe_roundsDownToTwoUnits(long seconds, String words) {
        assertThat(Ages.describe(Duration.ofSeconds(seconds))).isEqualTo(words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2000  | 2 s
            30000 | 30 s
            300   | 300 ms
            1500  | 1500 ms
            """)
    void shortWait_wholeSecondsAsSeconds_elseMilliseconds(long millis, String words) {
        assertThat(Ages.shortWait(Duration.ofMillis(millis))).isEqualTo(words);
    }
}

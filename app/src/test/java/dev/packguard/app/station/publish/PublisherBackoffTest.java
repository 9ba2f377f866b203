package dev.packguard.app.station.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** While the node cannot be reached the publisher waits longer each time, up to five minutes. */
class PublisherBackoffTest {
    @ParameterizedTest(name = "{0} failed rounds -> {1} s")
    @CsvSource(textBlock = """
            0,  30
            1,  5
            2,  10
            3,  20
            4,  40
            6,  160
            7,  300
            40, 300
            """)
    void delayAfter_doublesFromFiveSecondsUpToFiveMinutes(int failures, long seconds) {
        assertThat(Publisher.delayAfter(failures)).isEqualTo(Duration.ofSeconds(seconds));
    }
}

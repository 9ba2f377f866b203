package dev.packguard.app.station.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BurstDetectorTest {
    private static final long MS = 1_000_000L;

    /**
     * Plays {@code keys}: space-separated {@code X@ms}, where X is a character, {@code ⏎} a
     * terminator or {@code …} an idle check. Returns every event that is not Nothing, as
     * {@code scan:TEXT} or {@code typed:TEXT}.
     */
    private static List<String> play(BurstDetector d, String keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys.trim().split("\\s+")) {
            int at = k.lastIndexOf('@');
            String key = k.substring(0, at);
            long nanos = Long.parseLong(k.substring(at + 1)) * MS;
            WedgeEvent e = switch (key) {
                case "⏎" -> d.terminator(nanos);
                case "…" -> d.idle(nanos);
                case "GS" -> d.character('\u001d', nanos);
                default -> d.character(key.charAt(0), nanos);
            };
            if (e instanceof WedgeEvent.Scan s) {
                out.add("scan:" + s.text().replace("\u001d", "<GS>"));
            } else if (e instanceof WedgeEvent.Typed t) {
                out.add("typed:" + t.text());
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            scanner burst ended by Enter         | 0@0 1@5 2@10 3@15 4@20 5@25 6@30 7@35 ⏎@40                     | scan:01234567
            GS inside a burst is kept            | 0@0 1@3 GS@6 2@9 1@12 A@15 B@18 C@21 ⏎@24                     | scan:01<GS>21ABC
            human typing then Enter              | h@0 e@150 l@300 l@420 o@600 ⏎@800                             | typed:h,typed:e,typed:l,typed:l,typed:o
            burst too short                      | 1@0 2@5 3@10 ⏎@15                                             | typed:123
            pause before the terminator          | 0@0 1@5 2@10 3@15 4@20 5@25 6@30 7@35 ⏎@200                    | typed:01234567
            slow start then a scan               | x@0 0@500 1@505 2@510 3@515 4@520 5@525 6@530 7@535 ⏎@540        | typed:x,scan:01234567
            gap at exactly the limit still joins | 0@0 1@40 2@80 3@120 4@160 5@200 6@240 7@280 ⏎@320               | scan:01234567
            gap just over the limit splits       | 0@0 1@5 2@10 3@15 4@56 5@60 6@65 7@70 ⏎@75                      | typed:0123,typed:4567
            idle releases an unterminated burst  | 0@0 1@5 2@10 …@30 …@60                                          | typed:012
            terminator alone                     | ⏎@0                                                             | ''
            two scans back to back               | 0@0 1@1 2@2 3@3 4@4 5@5 6@6 7@7 ⏎@8 8@9 9@10 0@11 1@12 2@13 3@14 4@15 5@16 ⏎@17 | scan:01234567,scan:89012345
            """)
    void events_tellScansFromTyping(String name, String keys, String expected) {
        BurstDetector d = new BurstDetector(WedgeTiming.defaults());
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
        assertThat(play(d, keys)).isEqualTo(want);
    }

    @Test
    void startsNewBurst_followsTheGap() {
        BurstDetector d = new BurstDetector(WedgeTiming.defaults());
        assertThat(d.startsNewBurst(0)).isTrue();
        d.character('a', 0);
        assertThat(d.startsNewBurst(40 * MS)).isFalse();
        assertThat(d.startsNewBurst(41 * MS)).isTrue();
    }

    @Test
    void timing_isConfigurable() {
        BurstDetector slowScanner = new BurstDetector(new WedgeTiming(Duration.ofMillis(120), 4, true, false));
        assertThat(play(slowScanner, "1@0 2@100 3@200 4@300 ⏎@400")).containsExactly("scan:1234");
    }

    @Test
    void timing_refusesNonsense() {
        assertThatThrownBy(() -> new WedgeTiming(Duration.ZERO, 8, true, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WedgeTiming(Duration.ofMillis(40), 0, true, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WedgeTiming(Duration.ofMillis(40), 8, false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.packguard.app.station.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SightingsTest {
    /**
     * Decoded frames as "millis:codes" ("-" for none, "!" for the pictures stopping), the
     * codes scanned; a code must be out of view (missing from a decoded frame) and unseen for
     * 1000 ms to be scanned again.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            held in view                   | 0:A 100:A 200:A 5000:A                         | A
            blurred for a frame            | 0:A 100:- 200:A 300:A                          | A
            taken away briefly             | 0:A 100:- 500:- 900:A                          | A
            taken away and shown again     | 0:A 100:- 600:- 1100:A                         | A A
            two packs, one after the other | 0:A 100:B 200:B                                | A B
            two packs at once              | 0:A,B 100:A,B                                  | A B
            decoding slower than 1 s       | 0:A 1500:A 3000:A                              | A
            camera lost, pack still there  | 0:A ! 300:A                                    | A
            camera lost for long           | 0:A ! 1200:A                                   | A A
            """)
    void frame_scansEachAppearanceOnce(String why, String frames, String expected) {
        Sightings sightings = new Sightings(Duration.ofMillis(1000));
        List<String> scanned = new ArrayList<>();
        for (String f : frames.split(" ")) {
            if (f.equals("!")) {
                sightings.interrupted();
                continue;
            }
            String[] parts = f.split(":");
            List<String> codes = parts[1].equals("-") ? List.of() : Arrays.asList(parts[1].split(","));
            scanned.addAll(sightings.frame(codes, Duration.ofMillis(Long.parseLong(parts[0])).toNanos()));
        }
        assertThat(scanned).as(why).containsExactly(expected.split(" "));
    }
}

package dev.packguard.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.mirror.MirrorStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class StationStartupTest {
    @TempDir
    Path dir;

    @Test
    void rebuildProgress_tellsTheOperatorOncePerPercent() {
        List<String> shown = new ArrayList<>();
        MirrorStore.IndexProgress progress = StationStartup.rebuildProgress(shown::add);
        for (long done = 256; done < 4_000_000; done += 256) {
            progress.indexed(done, 4_000_000);
        }
        progress.indexed(4_000_000, 4_000_000);
        assertThat(shown).hasSize(101);
        assertThat(shown.get(0)).endsWith("256 of 4,000,000 entries (0 %)");
        assertThat(shown.get(42)).contains("(42 %)");
        assertThat(shown.get(100)).endsWith("4,000,000 of 4,000,000 entries (100 %)").startsWith("Preparing the ledger");
    }

    @Test
    void start_withoutAConfigurationFile_isAProblemNamingIt() {
        Path missing = dir.resolve("station.json");
        StationStartup.Result r = StationStartup.start(missing, Clock.systemUTC(), s -> { });
        assertThat(r).isInstanceOfSatisfying(StationStartup.Problem.class,
                p -> assertThat(p.message()).contains(missing.toString()));
    }

    @Test
    void readyMarker_isRequestedByTheEnvironmentOnly_andSaysWhenAndWho() {
        assertThat(ReadyMarker.requested(Map.of())).isEmpty();
        assertThat(ReadyMarker.requested(Map.of(ReadyMarker.VARIABLE, " "))).isEmpty();
        assertThat(ReadyMarker.requested(Map.of(ReadyMarker.VARIABLE, "/tmp/ready"))).contains(Path.of("/tmp/ready"));
        assertThat(ReadyMarker.line(1_795_000_000_123L, 4242, 1875)).isEqualTo("ready 1795000000123 4242 1875\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            gui --config /srv/station.json    | /srv/station.json
            gui --config=/srv/station.json    | /srv/station.json
            gui --config station.json         | station.json
            gui                               | -
            gui --config                      | -
            gui --help --config /srv/s.json   | -
            gui --config /srv/s.json --help   | -
            demo --config /srv/station.json   | -
            verify --config /srv/station.json | -
            """)
    void configNamedBy_onlyExactlyGuiWithItsConfig_beginsTheStationEarly(String line, String config) {
        assertThat(StationLauncher.configNamedBy(line.split(" "))).isEqualTo(java.util.Optional.ofNullable(config).map(Path::of));
    }

    @Test
    void earlyStart_begunForAConfiguration_isBegunForThatOneOnly_untilTaken() throws Exception {
        Path config = dir.resolve("station.json"); // missing: the opening is a problem, quickly
        EarlyStart.begin(config, false, Clock.systemUTC());
        assertThat(EarlyStart.begun(config, false)).isTrue();
        assertThat(EarlyStart.begun(config, true)).isFalse();
        assertThat(EarlyStart.begun(dir.resolve("other.json"), false)).isFalse();
        StationOpening.Opened opened = EarlyStart.take(config, false, line -> { }).orElseThrow()
                .get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(opened.startup()).isInstanceOf(StationStartup.Problem.class);
        assertThat(EarlyStart.begun(config, false)).isFalse();
    }
}

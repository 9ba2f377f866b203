package dev.packguard.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.mirror.MirrorStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
}

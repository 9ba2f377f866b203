package dev.packguard.app.station.packing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.config.StationConfig;
import dev.packguard.app.station.LedgerFeed;
import dev.packguard.app.station.LedgerState;
import dev.packguard.app.station.audit.AuditCheck;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackingStationTest {
    @TempDir
    Path dir;

    private StationConfig config() {
        return new StationConfig(dir.resolve("station.json"),
                new StationConfig.Station("Packing 2", "Demo Versandapotheke", "4012345000009"),
                new StationConfig.Ledger(URI.create("http://127.0.0.1:9/"), dir.resolve("policy.txt"), dir.resolve("mirror.db"),
                        Duration.ofSeconds(5), 1, Duration.ofHours(4), Duration.ofHours(24), Optional.empty()),
                new StationConfig.Rules(28, 30, 10), StationConfig.Input.defaults(), false);
    }

    @Test
    void open_keepsItsFilesBesideTheConfiguration_andReadsTheOrderQueue() throws Exception {
        Files.createDirectories(dir.resolve("orders"));
        Files.writeString(dir.resolve("orders").resolve("DEMO-0001.json"), """
                {"format":1,"orderId":"DEMO-0001","lines":[{"line":1,"gtin":"04012345000016",
                 "description":"Ibuprofen 400 mg","quantity":2,"daysSupply":25}]}""");
        Files.writeString(dir.resolve("orders").resolve("broken.json"), "{\"format\":1}");
        PackingFixture f = new PackingFixture(Files.createDirectories(dir.resolve("fixture")));
        LedgerFeed feed = new LedgerFeed() {
            @Override
            public LedgerState current() {
                return f.ledger.get();
            }

            @Override
            public void addListener(Consumer<LedgerState> listener) {
                listener.accept(current());
            }

            @Override
            public void removeListener(Consumer<LedgerState> listener) {
            }
        };
        UnitVerifier verifier = PackingStation.verifierFor(config(), null, f.clock);
        try (PackingStation station = PackingStation.open(config(), feed, verifier, f.clock)) {
            assertThat(station.queue()).extracting(Order::id).containsExactly("DEMO-0001");
            PackingSession s = station.session();
            assertThat(s.snapshot().stage()).isEqualTo(PackingSnapshot.Stage.SIGN_IN);
            s.scan("badge-17");
            assertThat(s.scan("DEMO-0001")).isInstanceOf(ScanOutcome.OrderOpened.class);
            ScanOutcome out = s.scan(PackingFixture.scan(PackingFixture.IBUPROFEN, "S1"));
            assertThat(out).isInstanceOf(ScanOutcome.Blocked.class);
            assertThat(((ScanOutcome.Blocked) out).block()).isEqualTo(ScanOutcome.Block.NOT_VERIFIED);
            assertThat(((ScanOutcome.Blocked) out).reasons().get(0)).contains("ledger.trustAnchor");
            var exported = station.auditExporter().export();
            assertThat(exported.check()).isInstanceOf(AuditCheck.Intact.class);
            assertThat(exported.json().getParent()).isEqualTo(dir.resolve("exports"));
        } finally {
            f.close();
        }
        assertThat(dir.resolve("audit.db")).exists();
        assertThat(dir.resolve("outbox.db")).exists();
    }
}

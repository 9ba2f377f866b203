package dev.packguard.app.station.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.StationSetup;
import dev.packguard.app.station.packing.Outbox;
import dev.packguard.app.station.publish.NodeClient;
import dev.packguard.app.verification.TrustAnchor;
import dev.packguard.ledger.index.StatementIndexer;
import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.ledger.mirror.SyncResult;
import dev.packguard.ledger.rules.UnitVerifier;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.node.demo.DemoWorld;
import dev.packguard.node.http.NodeServer;
import dev.packguard.node.tiles.LogDirectory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo world's station can sign: its station.json names the demo pharmacy's registered key. */
class DemoWorldSigningTest {
    private static final Clock MADE = Clock.fixed(Instant.parse("2026-11-24T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void demoStation_signsAsTheDemoPharmacy_afterItsFirstSync() throws Exception {
        Path world = tmp.resolve("world");
        DemoWorld.generate(world, new DemoWorld.Spec(DemoWorld.MIN_UNITS, 5, MADE, 8751));
        try (NodeServer server = NodeServer.start(new InetSocketAddress("127.0.0.1", 0),
                new LogDirectory(world.resolve(DemoWorld.LOG)), Optional.empty())) {
            DemoWorld.setPort(world, server.base().getPort());
            StationSetup.Ready ready = (StationSetup.Ready) StationSetup.load(world.resolve(DemoWorld.STATION));
            var config = ready.config();
            assertThat(config.station().signingKey()).contains(world.resolve("keys/pharmacy.key.pem").toAbsolutePath());
            try (MirrorStore store = StatementIndexer.openIndexed(config.ledger().mirror())) {
                UnitVerifier rules = new UnitVerifier(store, TrustAnchor.load(config.ledger().trustAnchor().orElseThrow()).orElseThrow());
                StationSigning signing = StationSigning.of(config.station().signingKey(),
                        new Gln(config.station().pharmacyGln()), rules::registeredCertificate);
                assertThat(signing.status()).isInstanceOf(StationSigning.Status.Unavailable.class); // nothing synced yet
                Clock now = Clock.fixed(MADE.instant().plus(Duration.ofHours(1)), ZoneOffset.UTC);
                SyncResult synced = new MirrorSync(store, new LogFetcher(config.ledger().url(),
                        new LogFetcher.Settings(Duration.ofSeconds(5), 1, Duration.ofMillis(100), 2)),
                        new PolicyVerifier(ready.policy(), now), now).sync(p -> { });
                assertThat(synced).isInstanceOf(SyncResult.Synced.class);
                assertThat(signing.status()).isInstanceOf(StationSigning.Status.Ready.class);
            }
            // The demo serves a copy of its log, not a node: statements wait in the outbox, saying why.
            Outbox.Answer answer = new NodeClient(server.base(), Duration.ofSeconds(5)).send("{}".getBytes());
            assertThat(answer).isInstanceOf(Outbox.Answer.Failed.class);
            assertThat(((Outbox.Answer.Failed) answer).why()).contains("HTTP 404", "only serves a copy of the log");
        }
    }
}

package dev.packguard.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packguard.app.config.StationConfig;
import dev.packguard.app.station.LedgerMonitor;
import dev.packguard.app.station.StationSetup;
import dev.packguard.app.station.packing.Outbox;
import dev.packguard.app.station.packing.PackingSession;
import dev.packguard.app.station.packing.PackingStation;
import dev.packguard.app.station.packing.ScanOutcome;
import dev.packguard.app.station.packing.SealOutcome;
import dev.packguard.app.station.packing.UnitKey;
import dev.packguard.app.station.packing.UnitVerdict;
import dev.packguard.app.station.publish.NodeClient;
import dev.packguard.app.station.publish.Publisher;
import dev.packguard.app.station.signing.StationSigning;
import dev.packguard.ledger.index.StatementIndexer;
import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.node.demo.DemoWorld;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo publishes: a station on the demo world ({@link DemoStation}) seals an order, its
 * publisher posts the signed dispenses to the demo node, and they come back through the verified
 * mirror in the next checkpoint. A reply lost on the way is recovered by sending again.
 */
class DemoPublishTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path dir;
    private static DemoStation demo;
    private static StationConfig config;
    private static MirrorStore store;
    private static LedgerMonitor monitor;
    private static PackingStation station;
    private static JsonNode scenarios;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void open() throws Exception {
        demo = DemoStation.open(dir.resolve("world"), DemoWorld.MIN_UNITS, CLOCK, line -> { });
        StationSetup.Ready ready = (StationSetup.Ready) StationSetup.load(demo.stationConfig());
        config = ready.config();
        store = StatementIndexer.openIndexed(config.ledger().mirror());
        MirrorSync sync = new MirrorSync(store, new LogFetcher(config.ledger().url(),
                new LogFetcher.Settings(TIMEOUT, 1, Duration.ofMillis(100), 2)), new PolicyVerifier(ready.policy(), CLOCK), CLOCK);
        monitor = new LedgerMonitor(store, sync, config.ledger().warnAfter(), config.ledger().blockAfter(), CLOCK, Runnable::run);
        monitor.syncNow();
        scenarios = new ObjectMapper().readTree(demo.world().resolve(DemoWorld.SCENARIOS).toFile()).get("scenarios");
    }

    @BeforeEach
    void openStation() throws Exception {
        // A station of its own per test (its outbox is the world's, in SQLite); no JIT warm-up, it only costs time.
        station = PackingStation.open(config, monitor, PackingStation.verifierFor(config, store, CLOCK, task -> { }), CLOCK);
    }

    @AfterEach
    void closeStation() throws Exception {
        station.close();
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
        demo.close();
    }

    /** The scans of the packs that fill demo order {@code orderId}, with their units. */
    private static List<JsonNode> packsOf(String orderId) {
        List<JsonNode> packs = new ArrayList<>();
        scenarios.forEach(s -> {
            if (s.get("id").asText().startsWith(orderId.toLowerCase() + "-")) {
                packs.add(s);
            }
        });
        return packs;
    }

    private static UnitKey unit(JsonNode pack) {
        return new UnitKey(pack.get("unit").get("gtin").asText(), pack.get("unit").get("serial").asText());
    }

    private static PackingSession signedIn() {
        PackingSession s = station.session();
        if (s.snapshot().operator().isEmpty()) {
            // A badge on the demo world's operators roster (operators.json).
            assertThat(s.signIn("DEMO-TECH-2")).isInstanceOf(ScanOutcome.SignedIn.class);
        }
        return s;
    }

    private static SealOutcome packAndSeal(String orderId) {
        PackingSession s = signedIn();
        assertThat(s.scan(orderId)).isInstanceOf(ScanOutcome.OrderOpened.class);
        for (JsonNode pack : packsOf(orderId)) {
            assertThat(s.scan(pack.get("scan").asText())).as(pack.get("id").asText()).isInstanceOf(ScanOutcome.Accepted.class);
        }
        return s.packAndSeal();
    }

    private long checkpointSize() throws Exception {
        String cp = http.send(HttpRequest.newBuilder(demo.ledgerUrl().resolve("checkpoint")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return Long.parseLong(cp.split("\n")[1]);
    }

    /** Waits for the node's next checkpoint to hold entry {@code index}, then syncs the station's mirror. */
    private void syncPast(long index) throws Exception {
        for (int i = 0; i < 200 && checkpointSize() <= index; i++) {
            Thread.sleep(50);
        }
        monitor.syncNow();
        assertThat(monitor.current().verified().orElseThrow().size()).isGreaterThan(index);
    }

    private static Outbox.Entry dispenseOf(UnitKey unit) throws Exception {
        return station.outbox().about(unit).get(0);
    }

    @Test
    void sealedDemoOrder_isPublished_andTheNextCheckpointSaysItsPacksAreAlreadyDispensed() throws Exception {
        assertThat(packAndSeal("DEMO-0001")).isInstanceOf(SealOutcome.Sealed.class);
        Publisher publisher = Publisher.manual(station.outbox(), new NodeClient(demo.ledgerUrl(), TIMEOUT),
                station.signing(), CLOCK);
        int packs = packsOf("DEMO-0001").size();
        assertThat(publisher.publishNow()).isEqualTo(new Publisher.Round(packs, 0, Optional.empty()));
        assertThat(publisher.status().summary(CLOCK.instant())).isEqualTo("All statements published");

        JsonNode first = packsOf("DEMO-0001").get(0);
        Outbox.Entry dispense = dispenseOf(unit(first));
        assertThat(dispense.state()).isEqualTo(Outbox.State.PUBLISHED);
        long index = dispense.logIndex().orElseThrow();
        syncPast(index);
        // The verified mirror holds exactly the bytes the station signed, at the index it was told.
        assertThat(new String(store.entry(index).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(dispense.payload());

        // The same pack in another order: the ledger now says it left in a parcel.
        Files.writeString(demo.stationConfig().getParent().resolve("orders").resolve("AGAIN-1.json"), """
                {"format": 1, "orderId": "AGAIN-1", "lines": [
                  {"line": 1, "gtin": "%s", "description": "The same pack again", "quantity": 1, "daysSupply": 10}]}
                """.formatted(unit(first).gtin()));
        PackingSession s = signedIn();
        assertThat(s.scan("AGAIN-1")).isInstanceOf(ScanOutcome.OrderOpened.class);
        ScanOutcome again = s.scan(first.get("scan").asText());
        assertThat(again).isInstanceOf(ScanOutcome.Blocked.class);
        assertThat(((UnitVerdict.Fail) ((ScanOutcome.Blocked) again).verdict()).reasons())
                .extracting(UnitVerdict.Reason::code).contains("ALREADY_DISPENSED");
    }

    @Test
    void replyLostAfterTheNodeLoggedTheEntry_resendIsRecognised_publishedAtThatIndex_neverRefused() throws Exception {
        assertThat(packAndSeal("DEMO-0002")).isInstanceOf(SealOutcome.Sealed.class);
        int packs = packsOf("DEMO-0002").size();
        long logged;
        try (LostReplyProxy proxy = new LostReplyProxy(demo.ledgerUrl())) {
            Publisher cut = Publisher.manual(station.outbox(), new NodeClient(proxy.base(), TIMEOUT), station.signing(), CLOCK);
            Publisher.Round lost = cut.publishNow();
            assertThat(lost.published()).isZero();
            assertThat(lost.failure()).isPresent();
            // The node did log the first dispense; only its answer never arrived.
            assertThat(proxy.forwarded).singleElement().extracting(LostReplyProxy.Forwarded::status).isEqualTo(202);
            logged = Long.parseLong(proxy.forwarded.get(0).index());
        }
        assertThat(station.outbox().pending()).hasSize(packs);

        Publisher publisher = Publisher.manual(station.outbox(), new NodeClient(demo.ledgerUrl(), TIMEOUT),
                station.signing(), CLOCK);
        assertThat(publisher.publishNow()).isEqualTo(new Publisher.Round(packs, 0, Optional.empty()));
        Outbox.Entry first = dispenseOf(unit(packsOf("DEMO-0002").get(0)));
        assertThat(first.state()).isEqualTo(Outbox.State.PUBLISHED);
        assertThat(first.logIndex()).hasValue(logged);
        assertThat(station.outbox().refused()).isEmpty();
        // Logged once: the order's packs fill logged .. logged + packs - 1 and the resend wrote nothing after
        // them. (Counted from the index the node gave, not from the checkpoint at the start, which may
        // not yet hold what the tests before this one published.)
        syncPast(logged + packs - 1);
        assertThat(checkpointSize()).isEqualTo(logged + packs);
        assertThat(new String(store.entry(logged).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(first.payload());

        // Another dispense of the same unit is not the same entry: the node refuses it.
        UnitKey unit = unit(packsOf("DEMO-0002").get(0));
        var signer = ((StationSigning.Status.Ready) station.signing().status()).signer();
        byte[] other = signer.dispense(unit.gtin(), unit.serial(), CLOCK.instant().plusSeconds(60)).encode();
        Outbox.Answer answer = new NodeClient(demo.ledgerUrl(), TIMEOUT).send(other);
        assertThat(answer).isInstanceOf(Outbox.Answer.Refused.class);
        assertThat(((Outbox.Answer.Refused) answer).reason()).contains("HTTP 409", "already dispensed (log index " + logged + ")");
    }

    @Test
    void backgroundPublisher_syncsTheLedgerSoonAfterPublishing_soTheStationSeesItsOwnDispense() throws Exception {
        try (Publisher background = Publisher.start(station.outbox(), new NodeClient(demo.ledgerUrl(), TIMEOUT),
                station.signing(), CLOCK)) {
            background.syncAfterPublishing(monitor, monitor::syncNow);
            assertThat(packAndSeal("DEMO-0003")).isInstanceOf(SealOutcome.Sealed.class);
            UnitKey unit = unit(packsOf("DEMO-0003").get(0));
            // Nobody here syncs: the station's regular sync is a minute away, the publisher asks for one.
            for (int i = 0; i < 300 && !(dispenseOf(unit).logIndex().isPresent()
                    && monitor.current().verified().orElseThrow().size() > dispenseOf(unit).logIndex().getAsLong()); i++) {
                Thread.sleep(50);
            }
            long index = dispenseOf(unit).logIndex().orElseThrow();
            assertThat(monitor.current().verified().orElseThrow().size()).isGreaterThan(index);
            assertThat(store.entry(index)).isPresent();
        }
    }
}

package dev.packguard.app.station.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.packing.Outbox;
import dev.packguard.app.station.packing.PackingSession;
import dev.packguard.app.station.packing.PackingStation;
import dev.packguard.app.station.packing.ScanOutcome;
import dev.packguard.app.station.packing.SealOutcome;
import dev.packguard.app.station.packing.Statements;
import dev.packguard.app.station.packing.UnitKey;
import dev.packguard.app.station.packing.UnitVerdict;
import dev.packguard.app.station.signing.StationSigner;
import dev.packguard.ledger.statement.DispenseReturn;
import dev.packguard.ledger.statement.EntryDecoder;
import dev.packguard.ledger.statement.EntryDecoding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station's statements reach a real node on 127.0.0.1 and come back through the verified
 * mirror: seal, publish, sync, and the unit verifies as dispensed; offline, refusals, restarts,
 * and a return to stock that makes the unit packable again.
 */
class PublishToNodeTest {
    @TempDir
    Path dir;
    private NodeWorld world;
    private PackingStation station;
    private Publisher publisher;

    @BeforeEach
    void setUp() throws Exception {
        world = new NodeWorld(dir);
        station = world.openStation();
        publisher = Publisher.manual(station.outbox(), new NodeClient(world.node.url(), NodeWorld.TIMEOUT),
                station.signing(), world.clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        world.close();
    }

    private PackingSession signedIn() {
        PackingSession s = station.session();
        if (s.snapshot().operator().isEmpty()) {
            assertThat(s.signIn("tech-1")).isInstanceOf(ScanOutcome.SignedIn.class);
        }
        return s;
    }

    private SealOutcome packAndSeal(String orderId, String... serials) throws Exception {
        world.order(orderId, serials.length);
        PackingSession s = signedIn();
        assertThat(s.scan(orderId)).isInstanceOf(ScanOutcome.OrderOpened.class);
        for (String serial : serials) {
            assertThat(s.scan(NodeWorld.scan(serial))).as(serial).isInstanceOf(ScanOutcome.Accepted.class);
        }
        return s.packAndSeal();
    }

    /** Scans {@code serial} into a fresh order and returns what the station says. */
    private ScanOutcome scanInNewOrder(String orderId, String serial) throws Exception {
        world.order(orderId, 1);
        PackingSession s = signedIn();
        assertThat(s.scan(orderId)).isInstanceOf(ScanOutcome.OrderOpened.class);
        return s.scan(NodeWorld.scan(serial));
    }

    private void syncPast(long index) throws Exception {
        world.awaitCheckpoint(index + 1);
        world.monitor.syncNow();
        assertThat(world.monitor.current().verified().orElseThrow().size()).isGreaterThan(index);
    }

    private static List<String> codes(ScanOutcome o) {
        return ((UnitVerdict.Fail) ((ScanOutcome.Blocked) o).verdict()).reasons().stream().map(UnitVerdict.Reason::code).toList();
    }

    @Test
    void seal_publishes_andTheSyncedLedgerSaysAlreadyDispensed() throws Exception {
        assertThat(packAndSeal("ORD-1", "P1")).isInstanceOf(SealOutcome.Sealed.class);
        assertThat(publisher.status().pending()).isZero(); // not looked yet
        Publisher.Round round = publisher.publishNow();
        assertThat(round).isEqualTo(new Publisher.Round(1, 0, java.util.Optional.empty()));

        Outbox.Entry dispense = station.outbox().about(new UnitKey(NodeWorld.GTIN, "P1")).get(0);
        assertThat(dispense.state()).isEqualTo(Outbox.State.PUBLISHED);
        long index = dispense.logIndex().orElseThrow();
        assertThat(index).isEqualTo(world.chain.entries().size());
        syncPast(index);
        // The next checkpoint holds exactly the bytes the station signed.
        assertThat(new String(world.store.entry(index).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(dispense.payload());

        ScanOutcome again = scanInNewOrder("ORD-2", "P1");
        assertThat(again).isInstanceOf(ScanOutcome.Blocked.class);
        assertThat(codes(again)).contains("ALREADY_DISPENSED");
        assertThat(publisher.status().summary(world.clock.instant())).isEqualTo("All statements published");
    }

    @Test
    void undo_ofAPublishedDispense_namesItsIndex_andTheUnitIsPackableAgain() throws Exception {
        assertThat(packAndSeal("ORD-1", "P3")).isInstanceOf(SealOutcome.Sealed.class);
        publisher.publishNow();
        UnitKey p3 = new UnitKey(NodeWorld.GTIN, "P3");
        syncPast(station.outbox().about(p3).get(0).logIndex().orElseThrow());
        StationSigner signer = ((dev.packguard.app.station.signing.StationSigning.Status.Ready) station.signing().status()).signer();
        // What PackingSession.undo records once the pharmacist's PIN is checked.
        Outbox.UndoRecord record = station.outbox().recordUndo("ORD-1", world.clock.instant(), (unit, index) ->
                new Outbox.NewEntry(Outbox.Kind.UNDO_DISPENSE, unit.toString(), new String(
                        signer.undo(unit.gtin(), unit.serial(), world.clock.instant(), index).encode(), StandardCharsets.UTF_8)));
        assertThat(record.undone()).containsExactly(p3);
        assertThat(publisher.publishNow().published()).isEqualTo(1);
        syncPast(station.outbox().about(p3).get(1).logIndex().orElseThrow());
        assertThat(scanInNewOrder("ORD-2", "P3")).isInstanceOf(ScanOutcome.Accepted.class);
    }

    @Test
    void keyNotYetConfirmed_isReportedAtStart_andClearsOnceASyncBringsTheRegistration() throws Exception {
        var c = ((dev.packguard.app.station.StationSetup.Ready) dev.packguard.app.station.StationSetup.load(world.config));
        try (var fresh = dev.packguard.ledger.index.StatementIndexer.openIndexed(dir.resolve("fresh-mirror.db"))) {
            var sync = new dev.packguard.ledger.mirror.MirrorSync(fresh, new dev.packguard.ledger.mirror.LogFetcher(
                    world.node.url(), new dev.packguard.ledger.mirror.LogFetcher.Settings(NodeWorld.TIMEOUT, 1,
                    java.time.Duration.ofMillis(100), 2)), new dev.packguard.ledger.mirror.PolicyVerifier(c.policy(),
                    world.clock), world.clock);
            var monitor = new dev.packguard.app.station.LedgerMonitor(fresh, sync, java.time.Duration.ofHours(4),
                    java.time.Duration.ofHours(24), world.clock, Runnable::run);
            var rules = new dev.packguard.ledger.rules.UnitVerifier(fresh, world.chain.consortium().root());
            var signing = dev.packguard.app.station.signing.StationSigning.of(c.config().station().signingKey(),
                    world.chain.pharmacyA().site(), rules::registeredCertificate);
            Publisher p = Publisher.manual(station.outbox(), new NodeClient(world.node.url(), NodeWorld.TIMEOUT),
                    signing, world.clock);
            p.watch(monitor);
            assertThat(p.status().signingProblem()).get().asString().contains("pharmacy.key.pem", "not registered");
            assertThat(p.status().summary(world.clock.instant())).endsWith("cannot sign new statements");
            monitor.syncNow();
            assertThat(p.status().signingProblem()).isEmpty();
            p.close();
        }
    }

    @Test
    void backgroundPublisher_sendsRightAfterASeal_notAtTheNextTimerTick() throws Exception {
        try (Publisher background = Publisher.start(station.outbox(), new NodeClient(world.node.url(), NodeWorld.TIMEOUT),
                station.signing(), world.clock)) {
            List<PublishStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            background.addListener(seen::add);
            assertThat(packAndSeal("ORD-1", "P4")).isInstanceOf(SealOutcome.Sealed.class);
            // The timer's next round is 30 s away; only the nudge from the outbox can send it this soon.
            for (int i = 0; i < 100 && !station.outbox().pending().isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertThat(station.outbox().pending()).isEmpty();
            assertThat(station.outbox().about(new UnitKey(NodeWorld.GTIN, "P4")).get(0).state()).isEqualTo(Outbox.State.PUBLISHED);
            for (int i = 0; i < 100 && background.status().pending() != 0; i++) {
                Thread.sleep(20);
            }
            assertThat(background.status().level()).isEqualTo(PublishStatus.Level.OK);
            assertThat(seen).isNotEmpty();
        }
    }

    @Test
    void nodeDown_entriesStayPending_thenGoWhenItIsBack_evenAfterARestart() throws Exception {
        world.node.close();
        assertThat(packAndSeal("ORD-1", "P1", "P2")).isInstanceOf(SealOutcome.Sealed.class);
        Publisher.Round offline = publisher.publishNow();
        assertThat(offline.published()).isZero();
        assertThat(offline.failure()).get().asString().contains("cannot reach the node");
        PublishStatus waiting = publisher.status();
        assertThat(waiting.pending()).isEqualTo(2);
        assertThat(waiting.level()).isEqualTo(PublishStatus.Level.WARN);
        assertThat(waiting.summary(world.clock.instant())).startsWith("2 statements waiting to be published (oldest ");
        assertThat(waiting.detail()).contains("cannot reach the node");

        // The station is shut down and started again: the outbox is in SQLite.
        world.closeStation();
        world.startNode(world.port);
        station = world.openStation();
        assertThat(station.outbox().pending()).hasSize(2);
        publisher = Publisher.manual(station.outbox(), new NodeClient(world.node.url(), NodeWorld.TIMEOUT),
                station.signing(), world.clock);
        assertThat(publisher.publishNow().published()).isEqualTo(2);
        assertThat(station.outbox().pending()).isEmpty();
        assertThat(publisher.status().level()).isEqualTo(PublishStatus.Level.OK);
    }

    @Test
    void refusedEntry_isShown_andNeverSentAgain() throws Exception {
        StationSigner signer = ((dev.packguard.app.station.signing.StationSigning.Status.Ready) station.signing().status()).signer();
        // A unit this log never commissioned: the node answers 409, a custody conflict.
        UnitKey stranger = new UnitKey(NodeWorld.GTIN, "NEVERMADE");
        station.outbox().add(world.clock.instant(), new Outbox.NewEntry(Outbox.Kind.DISPENSE, stranger.toString(),
                new String(signer.dispense(stranger.gtin(), stranger.serial(), world.clock.instant()).encode(), StandardCharsets.UTF_8)));
        AtomicInteger sent = new AtomicInteger();
        NodeClient client = new NodeClient(world.node.url(), NodeWorld.TIMEOUT);
        Publisher counting = Publisher.manual(station.outbox(), bytes -> {
            sent.incrementAndGet();
            return client.send(bytes);
        }, station.signing(), world.clock);

        assertThat(counting.publishNow().refused()).isEqualTo(1);
        PublishStatus s = counting.status();
        assertThat(s.refused()).isEqualTo(1);
        assertThat(s.level()).isEqualTo(PublishStatus.Level.ALERT);
        assertThat(s.summary(world.clock.instant())).contains("1 statement REFUSED by the ledger: pharmacist must act");
        assertThat(s.detail()).contains("HTTP 409", "not commissioned in this log");
        assertThat(station.outbox().refused()).singleElement().extracting(Outbox.Entry::subject).isEqualTo(stranger.toString());

        assertThat(counting.publishNow()).isEqualTo(new Publisher.Round(0, 0, java.util.Optional.empty()));
        assertThat(sent).hasValue(1);
    }

    @Test
    void returnToStock_makesTheUnitPackableAgain_butNotWhenAnotherPharmacyReturnsIt() throws Exception {
        assertThat(packAndSeal("ORD-1", "P2")).isInstanceOf(SealOutcome.Sealed.class);
        publisher.publishNow();
        syncPast(station.outbox().about(new UnitKey(NodeWorld.GTIN, "P2")).get(0).logIndex().orElseThrow());

        // Pharmacy B cannot take back what pharmacy A dispensed: the node refuses it.
        var b = world.chain.pharmacyB();
        byte[] byB = b.sign(new DispenseReturn(b.partyId(), dev.packguard.ledger.statement.Times.truncate(world.clock.instant()),
                b.site(), List.of(StationSigner.commitment(NodeWorld.GTIN, "P2")))).encode();
        assertThat(new NodeClient(world.node.url(), NodeWorld.TIMEOUT).send(byB)).isInstanceOf(Outbox.Answer.Refused.class);

        // The returns bench: the same two calls it makes after its checks passed.
        UnitKey p2 = new UnitKey(NodeWorld.GTIN, "P2");
        String payload = Statements.returned(p2, world.clock.instant(), station.settings());
        station.outbox().add(world.clock.instant(), new Outbox.NewEntry(Outbox.Kind.RETURNED, p2.toString(), payload));
        assertThat(((EntryDecoding.Decoded) EntryDecoder.decode(payload.getBytes(StandardCharsets.UTF_8))).entry()
                .statement()).isInstanceOf(DispenseReturn.class);
        assertThat(publisher.publishNow().published()).isEqualTo(1);
        syncPast(station.outbox().about(p2).get(1).logIndex().orElseThrow());

        assertThat(scanInNewOrder("ORD-3", "P2")).isInstanceOf(ScanOutcome.Accepted.class);
    }
}

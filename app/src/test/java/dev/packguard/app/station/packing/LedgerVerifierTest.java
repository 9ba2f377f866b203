package dev.packguard.app.station.packing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.CheckpointRef;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.pki.TestConsortium;
import dev.packguard.ledger.rules.StationContext;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.testing.StationMirror;
import dev.packguard.ledger.testing.SupplyChain;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.scan.ScanDecoder;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real verification rules over a real, synced mirror of a signed supply-chain story. */
class LedgerVerifierTest {
    static final Instant NOW = Instant.parse("2026-04-01T10:00:00Z");
    static final LocalDate EXPIRY = LocalDate.of(2028, 6, 30);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static MirrorStore store;
    static LedgerVerifier verifier;
    static dev.packguard.ledger.rules.UnitVerifier rules;
    static dev.packguard.ledger.statement.Gln pharmacy;
    static SupplyChain chain;

    @BeforeAll
    static void story() throws Exception {
        chain = SupplyChain.create();
        chain.deliverToPharmacyA(new Lot("L1"), EXPIRY, "OK1", "OK2");
        chain.deliverToPharmacyA(new Lot("L2"), EXPIRY, "R1");
        chain.recallLot(new Lot("L2"));
        chain.commission(new Lot("L1"), EXPIRY, "NOTHERE");
        store = StationMirror.sync(chain.entries(), dir, Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC));
        rules = new dev.packguard.ledger.rules.UnitVerifier(store, chain.consortium().root());
        pharmacy = chain.pharmacyA().partyId();
        verifier = new LedgerVerifier(rules, pharmacy, StationContext.Policies.defaults(), CLOCK);
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    static ProductIdentifier unit(String serial, String lot) {
        String scan = "01" + TestConsortium.GTIN.digits() + "21" + serial + "\u001d10" + lot + "\u001d17280630";
        return ((ParseResult.Success) new ScanDecoder(WedgeConfig.exact(), CLOCK).decode(scan)).identifier();
    }

    @Test
    void verifierFor_withAWarmUpExecutor_handsTheWarmUpOver_andJudgesAlikeBeforeAndAfterIt() throws Exception {
        Path anchor = dir.resolve("root.der");
        java.nio.file.Files.write(anchor, chain.consortium().root().encoded());
        var config = new dev.packguard.app.config.StationConfig(dir.resolve("station.json"),
                new dev.packguard.app.config.StationConfig.Station("Packing 2", "Pharmacy A", chain.pharmacyA().partyId().digits()),
                new dev.packguard.app.config.StationConfig.Ledger(java.net.URI.create("http://127.0.0.1:9/"),
                        dir.resolve("policy.txt"), dir.resolve("mirror.db"), Duration.ofSeconds(5), 1, Duration.ofHours(4),
                        Duration.ofHours(24), java.util.Optional.of(anchor)),
                new dev.packguard.app.config.StationConfig.Rules(28, 30, 10),
                dev.packguard.app.config.StationConfig.Input.defaults(), false);
        java.util.List<Runnable> handedOver = new java.util.ArrayList<>();
        UnitVerifier deferred = PackingStation.verifierFor(config, store, CLOCK, handedOver::add);
        assertThat(handedOver).hasSize(1);
        assertThat(deferred.verify(unit("OK1", "L1"), 30)).isInstanceOf(UnitVerdict.Pass.class);
        handedOver.get(0).run();
        assertThat(deferred.verify(unit("OK2", "L1"), 30)).isInstanceOf(UnitVerdict.Pass.class);
        assertThat(deferred.verify(unit("R1", "L2"), 30)).isInstanceOf(UnitVerdict.Fail.class);
    }

    @Test
    void genuineUnitInOurCustody_passesWithTheCheckpointAsEvidence() {
        UnitVerdict v = verifier.verify(unit("OK1", "L1"), 30);
        assertThat(v).isInstanceOf(UnitVerdict.Pass.class);
        CheckpointRef cp = v.evidence().checkpoint().orElseThrow();
        assertThat(cp.origin()).isEqualTo(StationMirror.ORIGIN);
        assertThat(cp.size()).isPositive();
        assertThat(v.evidence().entries()).isNotEmpty();
    }

    @Test
    void genuineUnit_carriesItsChainOfCustodyWithRolesGlnsAndLogIndices() {
        UnitVerdict.Pass v = (UnitVerdict.Pass) verifier.verify(unit("OK1", "L1"), 30);
        assertThat(v.custody()).extracting(UnitVerdict.CustodyStep::party, UnitVerdict.CustodyStep::step,
                        s -> s.role().orElseThrow(), UnitVerdict.CustodyStep::verified)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("Acme Pharma GmbH", "commissioned: lot L1, expiry 2028-06-30",
                                UnitVerdict.PartyRole.MANUFACTURER, true),
                        org.assertj.core.api.Assertions.tuple("Acme Pharma GmbH", "shipped to Nordgross Pharmahandel",
                                UnitVerdict.PartyRole.MANUFACTURER, true),
                        org.assertj.core.api.Assertions.tuple("Nordgross Pharmahandel", "received from Acme Pharma GmbH",
                                UnitVerdict.PartyRole.WHOLESALER, true),
                        org.assertj.core.api.Assertions.tuple("Nordgross Pharmahandel", "shipped to Apotheke am Markt Versand",
                                UnitVerdict.PartyRole.WHOLESALER, true),
                        org.assertj.core.api.Assertions.tuple("Apotheke am Markt Versand",
                                "received from Nordgross Pharmahandel", UnitVerdict.PartyRole.PHARMACY, true));
        assertThat(v.custody().get(0).gln()).contains("4012345000016");
        assertThat(v.custody().get(0).time()).isEqualTo(SupplyChain.START);
        assertThat(v.custody()).allSatisfy(s -> assertThat(v.evidence().entries()).contains(s.index().getAsLong()))
                .allSatisfy(s -> assertThat(s.note()).isEmpty());
    }

    @Test
    void ledgerTooOld_cannotVerify_unlessAnOverrideRaisesTheAgeLimit_butARecallStillFails() {
        // The mirror is 1 h old; this station blocks above 30 min.
        LedgerVerifier strict = new LedgerVerifier(rules, pharmacy, new StationContext.Policies(Duration.ZERO,
                Duration.ofMinutes(30), 28, 30, 10), CLOCK);
        UnitVerdict blocked = strict.verify(unit("OK1", "L1"), 30);
        assertThat(blocked).isInstanceOf(UnitVerdict.CannotVerify.class);
        assertThat(((UnitVerdict.CannotVerify) blocked).reason().code()).isEqualTo("LEDGER_TOO_OLD");

        UnitVerdict allowed = strict.verify(unit("OK1", "L1"), 30, Duration.ofHours(2));
        assertThat(allowed).isInstanceOf(UnitVerdict.Pass.class);
        assertThat(((UnitVerdict.Pass) allowed).warnings()).extracting(UnitVerdict.Reason::code).contains("LEDGER_STALE");
        assertThat(strict.verify(unit("R1", "L2"), 30, Duration.ofHours(2))).isInstanceOf(UnitVerdict.Fail.class);
        assertThat(strict.verify(unit("OK1", "L1"), 30, Duration.ofMinutes(59))).isInstanceOf(UnitVerdict.CannotVerify.class);
    }

    @Test
    void recalledLot_failsWithAPlainReason() {
        UnitVerdict v = verifier.verify(unit("R1", "L2"), 30);
        assertThat(v).isInstanceOf(UnitVerdict.Fail.class);
        assertThat(((UnitVerdict.Fail) v).reasons()).anySatisfy(r -> assertThat(r.code()).contains("RECALL"));
    }

    @Test
    void unitNeverDeliveredHere_isBlocked() {
        assertThat(verifier.verify(unit("NOTHERE", "L1"), 30)).isNotInstanceOf(UnitVerdict.Pass.class);
    }

    @Test
    void packingSession_withTheRealRules_acceptsGenuineAndBlocksRecalled(@TempDir Path work) throws Exception {
        try (PackingFixture f = new PackingFixture(work)) {
            f.clock.advance(Duration.between(PackingFixture.NOW, NOW));
            Order order = new Order("ORD-7", java.util.List.of(
                    new Order.Line(TestConsortium.GTIN.digits(), "Test product", 2, 30)));
            PackingSession.Parts p = f.parts;
            PackingSession s = PackingSession.start(new PackingSession.Parts(p.audit(), p.outbox(), verifier, p.decoder(),
                    () -> f.ledgerAged(Duration.ofMinutes(5), Duration.ofHours(4), Duration.ofHours(24)),
                    id -> java.util.Optional.of(order), p.pins(), p.settings(), f.clock));
            s.scan("badge-17");
            s.scan("ORD-7");
            String ok = "01" + TestConsortium.GTIN.digits() + "21OK1\u001d10L1\u001d17280630";
            String recalled = "01" + TestConsortium.GTIN.digits() + "21R1\u001d10L2\u001d17280630";
            assertThat(s.scan(ok)).isInstanceOf(ScanOutcome.Accepted.class);
            ScanOutcome out = s.scan(recalled);
            assertThat(out).isInstanceOf(ScanOutcome.Blocked.class);
            assertThat(((ScanOutcome.Blocked) out).block()).isEqualTo(ScanOutcome.Block.FAILED);
            assertThat(f.audit.records().get(f.audit.records().size() - 1).entry().checkpoint())
                    .get().extracting(CheckpointRef::origin).isEqualTo(StationMirror.ORIGIN);
        }
    }
}

package dev.packguard.app.station.returns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditRecord;
import dev.packguard.app.station.packing.Outbox;
import dev.packguard.app.station.packing.PackingFixture;
import dev.packguard.app.station.packing.PackingSettings;
import dev.packguard.app.station.packing.UnitKey;
import dev.packguard.scanner.scan.ScanDecoder;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The returns workflow on real files (audit log, outbox) with the real ledger-client rules in
 * return mode over a synced demo world: its sample packs are the returns.
 */
class ReturnsSessionTest {
    @TempDir
    Path dir;
    private PackingFixture f;
    private DemoReturnsWorld world;
    private final AtomicReference<Optional<String>> packingOperator = new AtomicReference<>(Optional.empty());
    private ReturnsSession s;

    @BeforeEach
    void setUp() throws Exception {
        world = DemoReturnsWorld.get();
        f = new PackingFixture(dir);
        f.clock.set(DemoReturnsWorld.STATION);
        s = ReturnsSession.start(parts());
        assertThat(s.snapshot().stage()).isEqualTo(ReturnsSnapshot.Stage.SIGN_IN);
        assertThat(s.scan("badge-17")).isEqualTo(new ReturnOutcome.SignedIn("badge-17"));
    }

    private ReturnsSession.Parts parts() {
        return ReturnsSession.Parts.forStation(world.settings(f.dir.resolve("slips")), world.monitor,
                world.verifier(Clock.fixed(DemoReturnsWorld.STATION, ZoneOffset.UTC)), f.audit, f.outbox, packingOperator::get,
                f.clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private List<AuditKind> kinds() throws Exception {
        return f.audit.records().stream().map(r -> r.entry().kind()).toList();
    }

    private AuditRecord last(AuditKind kind) throws Exception {
        return f.audit.records().stream().filter(r -> r.entry().kind() == kind).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void unitDispensedHereInsideTheWindow_sealIntact_goesBackToStock_withItsStatementQueued() throws Exception {
        ReturnOutcome verified = s.scan(world.scan("return-accepted"));
        assertThat(verified).isInstanceOf(ReturnOutcome.Verified.class);
        UnitKey key = ((ReturnOutcome.Verified) verified).key();
        assertThat(s.snapshot().stage()).isEqualTo(ReturnsSnapshot.Stage.SEAL_CHECK);
        assertThat(s.returnToStock()).isInstanceOf(ReturnOutcome.Refused.class); // not before the seal check

        assertThat(s.sealCheck(true)).isEqualTo(new ReturnOutcome.SealChecked(key, true));
        assertThat(s.snapshot().stage()).isEqualTo(ReturnsSnapshot.Stage.RETURN_TO_STOCK);
        assertThat(s.returnToStock()).isEqualTo(new ReturnOutcome.ReturnedToStock(key));

        assertThat(s.snapshot().stage()).isEqualTo(ReturnsSnapshot.Stage.SCAN);
        assertThat(s.snapshot().returned()).containsExactly(key);
        assertThat(f.outbox.pending()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Outbox.Kind.RETURNED);
            assertThat(e.subject()).isEqualTo(key.toString());
            assertThat(e.payload()).contains("\"type\":\"dispense_return\"", "\"disposition\":\"sellable_accessible\"",
                    "\"location\":\"" + world.config.station().pharmacyGln() + "\"", "\"signature\":");
        });
        assertThat(kinds()).containsExactly(AuditKind.OPERATOR, AuditKind.SCAN, AuditKind.VERDICT, AuditKind.SEAL_CHECK,
                AuditKind.RETURN);
        assertThat(last(AuditKind.VERDICT).entry().detail()).isEqualTo("return PASS");
        assertThat(last(AuditKind.VERDICT).entry().checkpoint()).isPresent();
        assertThat(last(AuditKind.SEAL_CHECK).entry().detail()).isEqualTo("seal intact");
        assertThat(last(AuditKind.RETURN).entry().subject()).isEqualTo(key.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            return-too-late           | NOT_RETURNABLE | Return window exceeded on 2026-11-09: dispensed on 2026-10-10, returns are taken for 30 days.
            return-not-dispensed-here | SUSPECT        | Dispensed by another pharmacy (location
            recalled-lot              | SUSPECT        | Recalled (lot recalled by
            genuine-ibu400            | SUSPECT        | Not dispensed: the ledger has no dispense of this pack in force
            expired                   | SUSPECT        | Expired on
            """)
    void unitThatMustNotGoBack_isRejectedInPlainWords_andQuarantinedByTheBinLabel(String scenario,
            QuarantineReason reason, String words) throws Exception {
        ReturnOutcome out = s.scan(world.scan(scenario));
        assertThat(out).isInstanceOf(ReturnOutcome.Rejected.class);
        ReturnOutcome.Rejected r = (ReturnOutcome.Rejected) out;
        assertThat(r.reason()).isEqualTo(reason);
        assertThat(r.reasons()).anySatisfy(w -> assertThat(w).startsWith(words));
        assertThat(s.snapshot().stage()).isEqualTo(ReturnsSnapshot.Stage.QUARANTINE);
        assertThat(s.sealCheck(true)).isInstanceOf(ReturnOutcome.Refused.class);
        assertThat(s.returnToStock()).isInstanceOf(ReturnOutcome.Refused.class);
        assertThat(s.scan(world.scan("return-accepted"))).isInstanceOf(ReturnOutcome.Refused.class);

        boolean report = reason == QuarantineReason.SUSPECT;
        assertThat(s.scan(PackingSettings.DEFAULT_QUARANTINE_LABEL))
                .isEqualTo(new ReturnOutcome.Quarantined(r.key(), reason, report));
        assertThat(s.snapshot().quarantined()).containsExactly(r.key());
        assertThat(f.outbox.pending()).extracting(Outbox.Entry::kind)
                .containsExactlyElementsOf(report ? List.of(Outbox.Kind.SUSPECT_REPORT) : List.of());
        assertThat(last(AuditKind.VERDICT).entry().detail()).startsWith("return FAIL (" + reason.words() + "): ");
        assertThat(last(AuditKind.QUARANTINE).entry().detail()).startsWith("return " + reason.words());
    }

    @Test
    void brokenSeal_sendsAVerifiedUnitToQuarantineAsDamaged_withoutAnyStatement() throws Exception {
        UnitKey key = ((ReturnOutcome.Verified) s.scan(world.scan("return-accepted"))).key();
        assertThat(s.sealCheck(false)).isEqualTo(new ReturnOutcome.SealChecked(key, false));
        assertThat(s.snapshot().stage()).isEqualTo(ReturnsSnapshot.Stage.QUARANTINE);
        assertThat(s.returnToStock()).isInstanceOf(ReturnOutcome.Refused.class);
        assertThat(s.confirmQuarantine()).isEqualTo(new ReturnOutcome.Quarantined(key, QuarantineReason.DAMAGED, false));
        assertThat(f.outbox.pending()).isEmpty();
        assertThat(last(AuditKind.SEAL_CHECK).entry().detail()).startsWith("seal BROKEN");
        assertThat(last(AuditKind.QUARANTINE).entry().detail()).startsWith("return damaged: seal broken");
    }

    @Test
    void unitAlreadyReturnedInThisSession_isRefusedAsADuplicate() throws Exception {
        s.scan(world.scan("return-accepted"));
        s.sealCheck(true);
        UnitKey key = ((ReturnOutcome.ReturnedToStock) s.returnToStock()).key();
        assertThat(s.scan(world.scan("return-accepted"))).isEqualTo(new ReturnOutcome.Duplicate(key, false));
        assertThat(last(AuditKind.VERDICT).entry().detail()).contains("DUPLICATE", "returned to stock");
        assertThat(f.outbox.pending()).hasSize(1);
    }

    @Test
    void operatorSignedInAtPacking_isTheBenchOperator_untilSomeoneSignsInHere() throws Exception {
        packingOperator.set(Optional.of("packer-3"));
        ReturnsSession fresh = ReturnsSession.start(parts());
        assertThat(fresh.snapshot().stage()).isEqualTo(ReturnsSnapshot.Stage.SCAN);
        assertThat(fresh.snapshot().operator()).contains("packer-3");
        fresh.scan(world.scan("return-accepted"));
        assertThat(last(AuditKind.SCAN).entry().operator()).isEqualTo("packer-3");
    }

    @Test
    void ledgerTooOld_refusesReturns() throws Exception {
        ReturnsSession.Parts old = new ReturnsSession.Parts(f.audit, f.outbox, unit -> {
            throw new AssertionError("must not verify without a usable ledger");
        }, new ScanDecoder(WedgeConfig.defaults(), f.clock),
                () -> f.ledgerAged(Duration.ofDays(3), Duration.ofHours(4), Duration.ofHours(24)), Optional::empty,
                f.settings, f.clock);
        ReturnsSession stale = ReturnsSession.start(old);
        stale.signIn("badge-17");
        ReturnOutcome out = stale.scan(world.scan("return-accepted"));
        assertThat(out).isInstanceOf(ReturnOutcome.Refused.class);
        assertThat(((ReturnOutcome.Refused) out).why()).contains("too old", "Returns are blocked");
    }

    @Test
    void ledgerTooOld_withThePharmacistsOverride_verifiesTheReturn_andSaysSoOnScreenAndOnRecord() throws Exception {
        // The world's mirror is fresh, but this bench judges it 3 days old against a 24 h block.
        ReturnsSession.Parts old = new ReturnsSession.Parts(f.audit, f.outbox,
                world.verifier(java.time.Clock.fixed(DemoReturnsWorld.STATION, java.time.ZoneOffset.UTC)),
                new ScanDecoder(WedgeConfig.defaults(), f.clock),
                () -> f.ledgerAged(Duration.ofDays(3), Duration.ofHours(4), Duration.ofHours(24)), Optional::empty,
                world.settings(f.dir.resolve("slips")), f.clock);
        ReturnsSession stale = ReturnsSession.start(old);
        String warning = "Verified against a ledger 3 d old (override by pharm-1: network down)";
        stale.allowStaleLedger(state -> Optional.of(new dev.packguard.app.station.packing.StaleLedgerAllowance.Allowance(
                Duration.ofDays(4), warning)));
        stale.signIn("badge-17");

        ReturnOutcome out = stale.scan(world.scan("return-accepted"));
        assertThat(out).isInstanceOf(ReturnOutcome.Verified.class);
        assertThat(((ReturnOutcome.Verified) out).ledgerWarning()).contains(warning);
        assertThat(f.audit.records()).filteredOn(r -> r.entry().kind() == AuditKind.VERDICT)
                .singleElement().extracting(r -> r.entry().detail()).asString()
                .isEqualTo("return PASS [" + warning + "]");
        assertThat(stale.sealCheck(true)).isInstanceOf(ReturnOutcome.SealChecked.class);
        assertThat(stale.returnToStock()).isInstanceOf(ReturnOutcome.ReturnedToStock.class);
        // A return that must not go back still must not: the override only lifts the age limit.
        assertThat(stale.scan(world.scan("return-too-late"))).isInstanceOf(ReturnOutcome.Rejected.class);
    }

    @Test
    void unreadableScan_isReportedWithItsError() {
        ReturnOutcome out = s.scan("0104012345000017" + "21X");
        assertThat(out).isInstanceOf(ReturnOutcome.Unreadable.class);
        assertThat(s.snapshot().stage()).isEqualTo(ReturnsSnapshot.Stage.SCAN);
    }

    @Test
    void auditWriteFailure_haltsTheBench() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("audit.db")); var st = c.createStatement()) {
            st.execute("CREATE TRIGGER refuse BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        }
        ReturnOutcome out = s.scan(world.scan("return-accepted"));
        assertThat(out).isInstanceOf(ReturnOutcome.Halted.class);
        assertThat(((ReturnOutcome.Halted) out).why()).contains("disk full", "Work has stopped");
        assertThat(s.snapshot().stage()).isEqualTo(ReturnsSnapshot.Stage.HALTED);
        assertThat(s.confirmQuarantine()).isInstanceOf(ReturnOutcome.Halted.class);
    }

    @Test
    void outboxWriteFailure_afterTheAuditRecord_haltsTheBench() throws Exception {
        s.scan(world.scan("return-accepted"));
        s.sealCheck(true);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("outbox.db")); var st = c.createStatement()) {
            st.execute("CREATE TRIGGER refuse BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        }
        assertThat(s.returnToStock()).isInstanceOf(ReturnOutcome.Halted.class);
        assertThat(s.snapshot().returned()).isEmpty();
        assertThat(kinds()).endsWith(AuditKind.RETURN);
    }
}

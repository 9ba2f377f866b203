package dev.packguard.app.station.packing;

import static dev.packguard.app.station.packing.PackingFixture.AMOXICILLIN;
import static dev.packguard.app.station.packing.PackingFixture.IBUPROFEN;
import static dev.packguard.app.station.packing.PackingFixture.NOT_ORDERED;
import static dev.packguard.app.station.packing.PackingFixture.NOW;
import static dev.packguard.app.station.packing.PackingFixture.PHARMACIST;
import static dev.packguard.app.station.packing.PackingFixture.PIN;
import static dev.packguard.app.station.packing.PackingFixture.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.audit.AuditCheck;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditRecord;
import dev.packguard.app.station.signing.StationSigner;
import dev.packguard.ledger.statement.DispenseUndo;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.EntryDecoder;
import dev.packguard.ledger.statement.EntryDecoding;
import dev.packguard.ledger.statement.SignatureCheck;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.SuspectReport;
import dev.packguard.ledger.statement.Suspicion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packing workflow on real SQLite files; verdicts come from {@link PackingFixture}'s test double. */
class PackingSessionTest {
    @TempDir
    Path dir;
    private PackingFixture f;
    private PackingSession s;

    @BeforeEach
    void setUp() throws Exception {
        f = new PackingFixture(dir);
        s = f.session();
        assertThat(s.scan("badge-17")).isEqualTo(new ScanOutcome.SignedIn("badge-17"));
        assertThat(s.scan("ORD-1001")).isInstanceOf(ScanOutcome.OrderOpened.class);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private List<AuditKind> auditKinds() throws Exception {
        return f.audit.records().stream().map(r -> r.entry().kind()).toList();
    }

    @Test
    void packWholeOrder_sealsWritesStatementsAndSlip() throws Exception {
        assertThat(s.packAndSeal()).isEqualTo(new SealOutcome.NotReady(List.of(
                "Ibuprofen 400 mg, 20 tablets: 0 of 2", "Amoxicillin 500 mg, 10 capsules: 0 of 1")));
        ScanOutcome first = s.scan(scan(IBUPROFEN, "S1"));
        assertThat(first).isInstanceOf(ScanOutcome.Accepted.class);
        assertThat(((ScanOutcome.Accepted) first).packed()).isEqualTo(1);
        assertThat(((ScanOutcome.Accepted) first).ledgerWarning()).isEmpty();
        s.scan(scan(IBUPROFEN, "S2"));
        assertThat(s.snapshot().stage()).isEqualTo(PackingSnapshot.Stage.SCANNING);
        s.scan(scan(AMOXICILLIN, "A1"));
        assertThat(s.snapshot().stage()).isEqualTo(PackingSnapshot.Stage.READY_TO_SEAL);

        SealOutcome sealed = s.packAndSeal();
        assertThat(sealed).isInstanceOf(SealOutcome.Sealed.class);
        Path slip = ((SealOutcome.Sealed) sealed).slip();
        assertThat(Files.readString(slip)).contains("Order:     ORD-1001", "serial S1  verified", "serial S2  verified",
                "serial A1  verified", "demo.packguard.dev/log size 1 root " + f.checkpoint().rootHex());
        assertThat(f.outbox.pending()).extracting(Outbox.Entry::kind).containsOnly(Outbox.Kind.DISPENSE).hasSize(3);
        Outbox.Entry queued = f.outbox.pending().get(0);
        assertThat(queued.subject()).isEqualTo(IBUPROFEN + "/S1");
        // The entry the node takes: signed by the pharmacy, the unit as its commitment, no serial, no order.
        SignedStatement entry = decoded(queued);
        assertThat(entry.statement()).isEqualTo(new Dispensing(PackingFixture.SIGNER.party(), NOW,
                PackingFixture.SIGNER.location(), List.of(StationSigner.commitment(IBUPROFEN, "S1"))));
        assertThat(PackingFixture.SIGNER.key().verifyingKey().verify(entry)).isInstanceOf(SignatureCheck.Good.class);
        assertThat(queued.payload()).doesNotContain("S1\"", "ORD-1001", "LOT42");
        assertThat(f.outbox.sealed("ORD-1001")).get().extracting(Outbox.SealedOrder::units).asList().hasSize(3);
        assertThat(s.snapshot().stage()).isEqualTo(PackingSnapshot.Stage.OPEN_ORDER);
        assertThat(auditKinds()).containsExactly(AuditKind.OPERATOR, AuditKind.ORDER_OPENED, AuditKind.SCAN,
                AuditKind.VERDICT, AuditKind.SCAN, AuditKind.VERDICT, AuditKind.SCAN, AuditKind.VERDICT, AuditKind.DISPENSE);
        AuditRecord verdict = f.audit.records().get(3);
        assertThat(verdict.entry().subject()).isEqualTo(IBUPROFEN + "/S1");
        assertThat(verdict.entry().checkpoint()).contains(f.checkpoint());
        assertThat(f.audit.check()).isInstanceOf(AuditCheck.Intact.class);
    }

    @Test
    void bigOrder_sealsWithEverySerialOnTheAuditLog_inParts() throws Exception {
        // 3 lines of 80 packs with 20-character serials: about 8,900 characters, more than one audit field holds.
        List<String> gtins = List.of(IBUPROFEN, AMOXICILLIN, NOT_ORDERED);
        Order big = new Order("ORD-BIG", gtins.stream().map(g -> new Order.Line(g, "product " + g, 80, 30)).toList());
        assertThat(s.openOrder(big)).isInstanceOf(ScanOutcome.OrderOpened.class);
        int n = 0;
        for (String gtin : gtins) {
            for (int i = 0; i < 80; i++, n++) {
                assertThat(s.scan(scan(gtin, "SER%017d".formatted(n)))).isInstanceOf(ScanOutcome.Accepted.class);
            }
        }
        assertThat(s.packAndSeal()).isInstanceOf(SealOutcome.Sealed.class);
        List<String> sealed = f.audit.records().stream().filter(r -> r.entry().kind() == AuditKind.DISPENSE)
                .map(r -> r.entry().detail()).toList();
        assertThat(sealed).hasSizeGreaterThan(1).allSatisfy(d -> assertThat(d).startsWith("sealed with 240 units (part "));
        java.util.Set<String> serials = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/(SER\\d+)[,\\]]").matcher(String.join("\n", sealed));
        while (m.find()) {
            assertThat(serials.add(m.group(1))).as("listed once: " + m.group(1)).isTrue();
        }
        assertThat(serials).hasSize(n);
        assertThat(f.audit.check()).isInstanceOf(AuditCheck.Intact.class);
    }

    @Test
    void failingUnit_isNotCounted_blocksFurtherScans_untilQuarantineConfirmed() throws Exception {
        f.scripted.put("BAD", f.unknownSerial());
        ScanOutcome out = s.scan(scan(IBUPROFEN, "BAD"));
        assertThat(out).isInstanceOf(ScanOutcome.Blocked.class);
        ScanOutcome.Blocked b = (ScanOutcome.Blocked) out;
        assertThat(b.block()).isEqualTo(ScanOutcome.Block.FAILED);
        assertThat(b.reasons()).containsExactly("This serial number was never issued by the manufacturer.");
        assertThat(s.snapshot().stage()).isEqualTo(PackingSnapshot.Stage.QUARANTINE);
        assertThat(s.snapshot().packed()).isEmpty();

        assertThat(s.scan(scan(IBUPROFEN, "S1"))).isInstanceOf(ScanOutcome.Refused.class);
        assertThat(s.packAndSeal()).isInstanceOf(SealOutcome.Refused.class);
        assertThat(s.scan("PG-QUARANTINE")).isEqualTo(new ScanOutcome.QuarantineConfirmed(b.key(), true));
        assertThat(f.outbox.pending()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Outbox.Kind.SUSPECT_REPORT);
            assertThat(decoded(e).statement()).isEqualTo(new SuspectReport(PackingFixture.SIGNER.party(), NOW,
                    PackingFixture.SIGNER.location(), Suspicion.COUNTERFEIT, List.of(StationSigner.commitment(IBUPROFEN, "BAD"))));
        });
        assertThat(s.scan(scan(IBUPROFEN, "BAD"))).isEqualTo(new ScanOutcome.Duplicate(b.key(), true));
        assertThat(s.scan(scan(IBUPROFEN, "S1"))).isInstanceOf(ScanOutcome.Accepted.class);
        assertThat(auditKinds()).contains(AuditKind.QUARANTINE);
    }

    @Test
    void recalledUnit_goesToQuarantine_withoutSuspectReport() throws Exception {
        f.scripted.put("OLD", f.recalled());
        ScanOutcome.Blocked b = (ScanOutcome.Blocked) s.scan(scan(IBUPROFEN, "OLD"));
        assertThat(s.confirmQuarantine()).isEqualTo(new ScanOutcome.QuarantineConfirmed(b.key(), false));
        assertThat(f.outbox.pending()).isEmpty();
    }

    @Test
    void packAndSeal_withoutSigningKey_isRefusedNamingTheSetting() throws Exception {
        PackingSettings unsigned = new PackingSettings("Packing 1", "4012345000009", PackingSettings.DEFAULT_QUARANTINE_LABEL,
                Duration.ofDays(10), f.dir.resolve("slips"));
        PackingSession.Parts p = f.parts;
        PackingSession noKey = PackingSession.start(new PackingSession.Parts(p.audit(), p.outbox(), p.verifier(),
                p.decoder(), p.ledger(), p.orders(), p.pins(), unsigned, p.clock()));
        noKey.signIn("tech-7");
        noKey.openOrder(PackingFixture.ORDER);
        noKey.scan(scan(IBUPROFEN, "S1"));
        noKey.scan(scan(IBUPROFEN, "S2"));
        noKey.scan(scan(AMOXICILLIN, "A1"));
        SealOutcome refused = noKey.packAndSeal();
        assertThat(refused).isInstanceOf(SealOutcome.Refused.class);
        assertThat(((SealOutcome.Refused) refused).why()).contains("station.signingKey");
        assertThat(f.outbox.sealed("ORD-1001")).isEmpty();
        assertThat(noKey.snapshot().stage()).isEqualTo(PackingSnapshot.Stage.READY_TO_SEAL);
    }

    @Test
    void wrongProduct_andOneTooMany_areBlocked_withoutSuspectReport() throws Exception {
        ScanOutcome wrong = s.scan(scan(NOT_ORDERED, "X1"));
        assertThat(wrong).extracting(o -> ((ScanOutcome.Blocked) o).block()).isEqualTo(ScanOutcome.Block.WRONG_PRODUCT);
        assertThat(((ScanOutcome.Blocked) wrong).reasons().get(0)).contains("not on order ORD-1001");
        assertThat(s.confirmQuarantine()).isEqualTo(new ScanOutcome.QuarantineConfirmed(new UnitKey(NOT_ORDERED, "X1"), false));
        s.scan(scan(AMOXICILLIN, "A1"));
        ScanOutcome extra = s.scan(scan(AMOXICILLIN, "A2"));
        assertThat(extra).extracting(o -> ((ScanOutcome.Blocked) o).block()).isEqualTo(ScanOutcome.Block.MORE_THAN_ORDERED);
        s.confirmQuarantine();
        assertThat(f.outbox.pending()).isEmpty();
        assertThat(s.snapshot().count(PackingFixture.ORDER.lines().get(1))).isEqualTo(1);
    }

    @Test
    void duplicateScan_isRefusedAndNotCounted() {
        s.scan(scan(IBUPROFEN, "S1"));
        assertThat(s.scan(scan(IBUPROFEN, "S1"))).isEqualTo(new ScanOutcome.Duplicate(new UnitKey(IBUPROFEN, "S1"), false));
        assertThat(s.snapshot().count(PackingFixture.ORDER.lines().get(0))).isEqualTo(1);
    }

    @Test
    void staleLedger_warns_thenTooOld_refusesScans() {
        f.ledger.set(f.ledgerAged(Duration.ofHours(5), Duration.ofHours(4), Duration.ofHours(24)));
        ScanOutcome warned = s.scan(scan(IBUPROFEN, "S1"));
        assertThat(((ScanOutcome.Accepted) warned).ledgerWarning()).get().asString().contains("The ledger is old");
        f.ledger.set(f.ledgerAged(Duration.ofHours(25), Duration.ofHours(4), Duration.ofHours(24)));
        ScanOutcome refused = s.scan(scan(IBUPROFEN, "S2"));
        assertThat(refused).isInstanceOf(ScanOutcome.Refused.class);
        assertThat(((ScanOutcome.Refused) refused).why()).contains("too old");
        assertThat(s.snapshot().count(PackingFixture.ORDER.lines().get(0))).isEqualTo(1);
    }

    @Test
    void unreadableScan_isReportedWithItsError() {
        ScanOutcome out = s.scan("01" + "04012345000017" + "21S1");
        assertThat(out).isInstanceOf(ScanOutcome.Unreadable.class);
        assertThat(s.snapshot().stage()).isEqualTo(PackingSnapshot.Stage.SCANNING);
    }

    @Test
    void undo_withinWindowAndRightPin_reversesAndRecords() throws Exception {
        s.scan(scan(IBUPROFEN, "S1"));
        s.scan(scan(IBUPROFEN, "S2"));
        s.scan(scan(AMOXICILLIN, "A1"));
        s.packAndSeal();
        assertThat(s.undo("ORD-1001", PHARMACIST, "0000".toCharArray())).isInstanceOf(UndoOutcome.Refused.class);
        f.clock.advance(Duration.ofDays(9));
        UndoOutcome undone = s.undo("ORD-1001", PHARMACIST, PIN);
        assertThat(undone).isInstanceOf(UndoOutcome.Undone.class);
        // Nothing was published yet: the dispenses are withdrawn from the outbox, no undo is sent.
        assertThat(f.outbox.pending()).isEmpty();
        assertThat(f.outbox.about(new UnitKey(IBUPROFEN, "S1"))).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(Outbox.State.CANCELLED);
            assertThat(e.note()).get().asString().contains("before it was published");
        });
        assertThat(s.undo("ORD-1001", PHARMACIST, PIN)).isInstanceOf(UndoOutcome.Refused.class);
        assertThat(f.audit.records()).filteredOn(r -> r.entry().kind() == AuditKind.UNDO)
                .extracting(r -> r.entry().detail())
                .anyMatch(d -> d.contains("authorised by pharmacist pharm-1"))
                .anyMatch(d -> d.startsWith("REFUSED: The pharmacist id or PIN is wrong"))
                .anyMatch(d -> d.contains("3 dispense(s) cancelled before they were published"));
    }

    @Test
    void undo_ofPublishedDispenses_queuesUndosNamingTheirLogIndices() throws Exception {
        s.scan(scan(IBUPROFEN, "S1"));
        s.scan(scan(IBUPROFEN, "S2"));
        s.scan(scan(AMOXICILLIN, "A1"));
        s.packAndSeal();
        long[] next = {40};
        for (Outbox.Entry e : f.outbox.pending()) {
            f.outbox.send(e, bytes -> new Outbox.Answer.Accepted(next[0]++), NOW);
        }
        long s2 = f.outbox.about(new UnitKey(IBUPROFEN, "S2")).get(0).logIndex().orElseThrow();
        f.clock.advance(Duration.ofDays(1));
        assertThat(s.undo("ORD-1001", PHARMACIST, PIN)).isInstanceOf(UndoOutcome.Undone.class);
        assertThat(f.outbox.pending()).hasSize(3).allMatch(e -> e.kind() == Outbox.Kind.UNDO_DISPENSE);
        Outbox.Entry undo = f.outbox.about(new UnitKey(IBUPROFEN, "S2")).get(1);
        assertThat(decoded(undo).statement()).isEqualTo(new DispenseUndo(PackingFixture.SIGNER.party(),
                NOW.plus(Duration.ofDays(1)), PackingFixture.SIGNER.location(), s2,
                List.of(StationSigner.commitment(IBUPROFEN, "S2"))));
    }

    private static SignedStatement decoded(Outbox.Entry e) {
        return ((EntryDecoding.Decoded) EntryDecoder.decode(e.payload().getBytes(StandardCharsets.UTF_8))).entry();
    }

    @Test
    void undo_afterTheWindow_isRefused() {
        s.scan(scan(IBUPROFEN, "S1"));
        s.scan(scan(IBUPROFEN, "S2"));
        s.scan(scan(AMOXICILLIN, "A1"));
        s.packAndSeal();
        f.clock.advance(Duration.ofDays(10).plusMinutes(1));
        UndoOutcome out = s.undo("ORD-1001", PHARMACIST, PIN);
        assertThat(out).isInstanceOf(UndoOutcome.Refused.class);
        assertThat(((UndoOutcome.Refused) out).why()).contains("NMVS_NC_PCK_20");
    }

    @Test
    void auditWriteFailure_haltsTheSessionAndSaysWhy() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("audit.db")); var st = c.createStatement()) {
            st.execute("CREATE TRIGGER refuse BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        }
        ScanOutcome out = s.scan(scan(IBUPROFEN, "S1"));
        assertThat(out).isInstanceOf(ScanOutcome.Halted.class);
        assertThat(((ScanOutcome.Halted) out).why()).contains("disk full", "Work has stopped");
        assertThat(s.snapshot().stage()).isEqualTo(PackingSnapshot.Stage.HALTED);
        assertThat(s.snapshot().packed()).isEmpty();
        assertThat(s.scan(scan(IBUPROFEN, "S2"))).isInstanceOf(ScanOutcome.Halted.class);
    }

    @Test
    void tamperedAuditLog_haltsANewSessionNamingTheRecord() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("audit.db")); var st = c.createStatement()) {
            st.executeUpdate("UPDATE audit SET operator = 'someone-else' WHERE seq = 1");
        }
        PackingSession fresh = f.session();
        assertThat(fresh.snapshot().halted()).get().asString().startsWith("The audit log has been altered at record 1");
        assertThat(fresh.scan("badge-17")).isInstanceOf(ScanOutcome.Halted.class);
        assertThat(Optional.of(fresh.snapshot().stage())).contains(PackingSnapshot.Stage.HALTED);
    }

    @Test
    void signInDemo_recordsADemoSignIn_thenScansWorkAsForAnyOperator() throws Exception {
        PackingSession demo = f.session();
        assertThat(demo.signInDemo("DEMO-OPERATOR")).isEqualTo(new ScanOutcome.SignedIn("DEMO-OPERATOR"));
        AuditRecord last = f.audit.records().get(f.audit.records().size() - 1);
        assertThat(last.entry().kind()).isEqualTo(AuditKind.OPERATOR);
        assertThat(last.entry().operator()).isEqualTo("DEMO-OPERATOR");
        assertThat(last.entry().detail()).isEqualTo("demo sign-in at Packing 1 (packguard demo, no person identified)");
        assertThat(demo.scan("ORD-1001")).isInstanceOf(ScanOutcome.OrderOpened.class);
        assertThat(demo.scan(scan(IBUPROFEN, "D1"))).isInstanceOf(ScanOutcome.Accepted.class);
    }
}

package dev.packguard.node.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.pki.TestConsortium;
import dev.packguard.ledger.pki.TestParty;
import dev.packguard.ledger.statement.Commissioning;
import dev.packguard.ledger.statement.DispenseReturn;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.Receiving;
import dev.packguard.ledger.statement.Shipping;
import dev.packguard.ledger.statement.SigningKey;
import dev.packguard.ledger.statement.Statement;
import dev.packguard.ledger.statement.UnitCommitment;
import dev.packguard.node.LedgerNode;
import dev.packguard.node.sequencer.CheckpointCosigner;
import dev.packguard.node.sequencer.NodeFiles;
import dev.packguard.node.sequencer.Sequencer;
import dev.packguard.node.sequencer.Submission;
import dev.packguard.node.testing.TestNodes;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that admits only authorized statements respecting custody, with the test consortium. */
class StatementValidatorTest {
    private static final TestConsortium C = TestConsortium.create();
    private static final Instant T = Instant.parse("2026-03-02T08:00:00.000Z");
    private static final List<UnitCommitment> UNIT = List.of(UnitCommitment.of(TestConsortium.GTIN, "SN0001"));
    private static final Sequencer.Settings SETTINGS =
            new Sequencer.Settings(Duration.ofHours(1), Duration.ofHours(1), 64, 1000);

    @TempDir
    Path dir;
    private NodeFiles files;

    @BeforeEach
    void setUp() throws Exception {
        files = TestNodes.create(dir.resolve("log"));
        Files.write(files.nodeDir().resolve(LedgerNode.CONSORTIUM_ROOT), C.root().encoded());
    }

    private Sequencer open() throws Exception {
        return Sequencer.open(files, LedgerNode.validatorFor(files), CheckpointCosigner.NONE, SETTINGS, Clock.systemUTC());
    }

    private static Submission submit(Sequencer s, TestParty by, Statement st) throws Exception {
        return s.submit(by.sign(st).encode()).get();
    }

    private static Shipping ship(TestParty from, TestParty to, int minute) {
        return new Shipping(from.partyId(), T.plusSeconds(60L * minute), from.site(), to.site(), UNIT);
    }

    private static Receiving receive(TestParty from, TestParty at, int minute) {
        return new Receiving(at.partyId(), T.plusSeconds(60L * minute), from.site(), at.site(), UNIT);
    }

    private static String conflict(Submission s) {
        assertThat(s).isInstanceOf(Submission.Rejected.class);
        assertThat(((Submission.Rejected) s).verdict())
                .isInstanceOf(dev.packguard.node.sequencer.SubmissionValidator.Verdict.Conflict.class);
        return ((Submission.Rejected) s).reason();
    }

    @Test
    void admit_followsCustodyAndRefusesContradictionsAcrossARestart() throws Exception {
        try (Sequencer s = open()) {
            for (var r : C.registrations()) {
                assertThat(s.submit(r.encode()).get()).isInstanceOf(Submission.Sequenced.class);
            }
            assertThat(submit(s, C.manufacturer(), new Commissioning(C.manufacturer().partyId(), T, C.manufacturer().site(),
                    TestConsortium.GTIN, new Lot("B1"), LocalDate.parse("2028-02-29"), UNIT)))
                    .isEqualTo(new Submission.Sequenced(4));
            assertThat(conflict(submit(s, C.wholesaler(), ship(C.wholesaler(), C.pharmacyA(), 1))))
                    .contains("held by " + C.manufacturer().partyId().digits());
            assertThat(submit(s, C.manufacturer(), ship(C.manufacturer(), C.wholesaler(), 2)))
                    .isEqualTo(new Submission.Sequenced(5));
            assertThat(conflict(submit(s, C.pharmacyA(), receive(C.manufacturer(), C.pharmacyA(), 3))))
                    .contains("shipped to " + C.wholesaler().site().digits());
            assertThat(submit(s, C.wholesaler(), receive(C.manufacturer(), C.wholesaler(), 4)))
                    .isEqualTo(new Submission.Sequenced(6));
            s.integrateNow();
        }
        try (Sequencer s = open()) {
            // The custody state is rebuilt from the journal.
            assertThat(conflict(submit(s, C.manufacturer(), ship(C.manufacturer(), C.pharmacyA(), 5))))
                    .contains("held by " + C.wholesaler().partyId().digits());
            assertThat(submit(s, C.wholesaler(), ship(C.wholesaler(), C.pharmacyA(), 6))).isInstanceOf(Submission.Sequenced.class);
            assertThat(submit(s, C.pharmacyA(), receive(C.wholesaler(), C.pharmacyA(), 7))).isInstanceOf(Submission.Sequenced.class);
            Dispensing dispense = new Dispensing(C.pharmacyA().partyId(), T.plusSeconds(480), C.pharmacyA().site(), UNIT);
            assertThat(submit(s, C.pharmacyA(), dispense)).isEqualTo(new Submission.Sequenced(9));
            Dispensing again = new Dispensing(C.pharmacyA().partyId(), T.plusSeconds(540), C.pharmacyA().site(), UNIT);
            assertThat(conflict(submit(s, C.pharmacyA(), again))).contains("already dispensed (log index 9)");
            // A patient return: only the dispensing pharmacy takes the unit back, and then it may dispense it again.
            assertThat(conflict(submit(s, C.pharmacyB(), new DispenseReturn(C.pharmacyB().partyId(), T.plusSeconds(600),
                    C.pharmacyB().site(), UNIT)))).contains("not dispensed by " + C.pharmacyB().partyId().digits());
            assertThat(submit(s, C.pharmacyA(), new DispenseReturn(C.pharmacyA().partyId(), T.plusSeconds(660),
                    C.pharmacyA().site(), UNIT))).isEqualTo(new Submission.Sequenced(10));
            assertThat(conflict(submit(s, C.pharmacyA(), new DispenseReturn(C.pharmacyA().partyId(), T.plusSeconds(700),
                    C.pharmacyA().site(), UNIT)))).contains("cannot be returned");
            assertThat(submit(s, C.pharmacyA(), again)).isEqualTo(new Submission.Sequenced(11));
            assertThat(s.sequenced()).isEqualTo(12);
        }
    }

    @Test
    void check_invalidOrUnauthorizedStatements_areRefusedWithTheReason() throws Exception {
        try (Sequencer s = open()) {
            C.registrations().forEach(r -> s.submit(r.encode()).join());
            Submission notStatement = s.submit(TestNodes.entry("x", 1)).get();
            assertThat(((Submission.Rejected) notStatement).reason()).contains("not a valid statement");
            Statement st = new Commissioning(C.manufacturer().partyId(), T, C.manufacturer().site(),
                    TestConsortium.GTIN, new Lot("B1"), LocalDate.parse("2028-02-29"), UNIT);
            Submission forged = s.submit(SigningKey.ed25519FromSeed(TestConsortium.seed("stranger")).sign(st).encode()).get();
            assertThat(((Submission.Rejected) forged).reason()).contains("not authorized");
            assertThat(s.sequenced()).isEqualTo(4);
        }
    }

    @Test
    void add_custodyConflictOverHttp_is409AndNothingIsWritten() throws Exception {
        try (Sequencer s = open()) {
            C.registrations().forEach(r -> s.submit(r.encode()).join());
        }
        try (LedgerNode node = LedgerNode.start(files.root(), new InetSocketAddress("127.0.0.1", 0))) {
            long journal = Files.size(files.journal());
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.url().resolve("add"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(C.pharmacyA().sign(
                            new Dispensing(C.pharmacyA().partyId(), T, C.pharmacyA().site(), UNIT)).encode())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.body()).contains("custody conflict", "not commissioned in this log");
            assertThat(Files.size(files.journal())).isEqualTo(journal);
        }
    }
}

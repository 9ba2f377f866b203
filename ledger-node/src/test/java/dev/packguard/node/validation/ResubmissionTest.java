package dev.packguard.node.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.pki.TestConsortium;
import dev.packguard.ledger.statement.Commissioning;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.UnitCommitment;
import dev.packguard.node.LedgerNode;
import dev.packguard.node.sequencer.CheckpointCosigner;
import dev.packguard.node.sequencer.NodeFiles;
import dev.packguard.node.sequencer.Sequencer;
import dev.packguard.node.sequencer.Submission;
import dev.packguard.node.sequencer.SubmissionValidator;
import dev.packguard.node.testing.TestNodes;
import java.net.InetSocketAddress;
import java.net.URI;
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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entry sent again, byte for byte, after the node logged it (the first answer was lost) is
 * answered with the index it already has and written nowhere; any other entry that contradicts
 * the log is still refused.
 */
class ResubmissionTest {
    private static final TestConsortium C = TestConsortium.create();
    private static final Instant T = Instant.parse("2026-03-02T08:00:00.000Z");
    private static final Lot LOT = new Lot("R1");
    private static final LocalDate EXPIRY = LocalDate.parse("2028-02-29");
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

    /** Registrations (0..3) and the custody chain of {@code serial} to pharmacy A (4..8 in a fresh log). */
    private static void deliver(Sequencer s, String serial) {
        C.registrations().forEach(r -> s.submit(r.encode()).join());
        for (SignedStatement e : C.custodyChain(TestConsortium.GTIN, LOT, EXPIRY, serial, T)) {
            assertThat(s.submit(e.encode()).join()).isInstanceOf(Submission.Sequenced.class);
        }
    }

    private static byte[] dispense(String serial, int minute) {
        return C.pharmacyA().sign(new Dispensing(C.pharmacyA().partyId(), T.plusSeconds(86_400 + 60L * minute),
                C.pharmacyA().site(), List.of(UnitCommitment.of(TestConsortium.GTIN, serial)))).encode();
    }

    @Test
    void submit_sameDispenseAgain_isAlreadyLoggedAtItsIndex_evenAfterARestart_andNothingIsWritten() throws Exception {
        byte[] dispense = dispense("SN1", 0);
        try (Sequencer s = open()) {
            deliver(s, "SN1");
            assertThat(s.submit(dispense).get()).isEqualTo(new Submission.Sequenced(9));
            assertThat(s.submit(dispense).get()).isEqualTo(new Submission.AlreadyLogged(9));
            assertThat(s.sequenced()).isEqualTo(10);
        }
        long journal = Files.size(files.journal());
        try (Sequencer s = open()) {
            // The custody state and the entry's bytes are recovered from the journal.
            assertThat(s.submit(dispense).get()).isEqualTo(new Submission.AlreadyLogged(9));
            assertThat(s.sequenced()).isEqualTo(10);
        }
        assertThat(Files.size(files.journal())).isEqualTo(journal);
    }

    @Test
    void submit_anotherDispenseOfTheSameUnit_isStillRefused() throws Exception {
        try (Sequencer s = open()) {
            deliver(s, "SN1");
            assertThat(s.submit(dispense("SN1", 0)).get()).isEqualTo(new Submission.Sequenced(9));
            // Same unit, same pharmacy, one minute later: a second dispense, not the first one again.
            Submission other = s.submit(dispense("SN1", 1)).get();
            assertThat(other).isInstanceOf(Submission.Rejected.class);
            assertThat(((Submission.Rejected) other).verdict()).isInstanceOf(SubmissionValidator.Verdict.Conflict.class);
            assertThat(((Submission.Rejected) other).reason()).contains("already dispensed (log index 9)");
            assertThat(s.sequenced()).isEqualTo(10);
        }
    }

    @Test
    void submit_twiceInOneGo_logsItOnce_andBothLearnTheSameIndex() throws Exception {
        try (Sequencer s = open()) {
            deliver(s, "SN1");
            byte[] dispense = dispense("SN1", 0);
            // Queued together, usually sequenced in one batch: the second sees the first as pending.
            CompletableFuture<Submission> first = s.submit(dispense);
            CompletableFuture<Submission> second = s.submit(dispense);
            assertThat(first.get()).isEqualTo(new Submission.Sequenced(9));
            assertThat(second.get()).isEqualTo(new Submission.AlreadyLogged(9));
            assertThat(s.sequenced()).isEqualTo(10);
        }
    }

    @Test
    void submit_resentEntryLongIntegrated_isRecognisedByItsLeafHash() throws Exception {
        byte[] commissioning = C.custodyChain(TestConsortium.GTIN, LOT, EXPIRY, "EARLY", T).get(0).encode();
        try (Sequencer s = open()) {
            deliver(s, "SN1");
            assertThat(s.submit(commissioning).get()).isEqualTo(new Submission.Sequenced(9));
            // Push index 9 out of the bundle the node keeps in memory (256 entries a bundle).
            List<CompletableFuture<Submission>> bulk = new java.util.ArrayList<>();
            for (int i = 0; i < 260; i++) {
                bulk.add(s.submit(C.manufacturer().sign(new Commissioning(C.manufacturer().partyId(), T,
                        C.manufacturer().site(), TestConsortium.GTIN, LOT, EXPIRY,
                        List.of(UnitCommitment.of(TestConsortium.GTIN, "BULK" + i)))).encode()));
            }
            bulk.forEach(f -> assertThat(f.join()).isInstanceOf(Submission.Sequenced.class));
            s.integrateNow();
            assertThat(s.submit(commissioning).get()).isEqualTo(new Submission.AlreadyLogged(9));
        }
        try (Sequencer s = open()) {
            assertThat(s.submit(commissioning).get()).isEqualTo(new Submission.AlreadyLogged(9));
            assertThat(s.sequenced()).isEqualTo(270);
        }
    }

    @Test
    void submit_resentEntryThatWasSupersededSinceThen_isRefused() throws Exception {
        try (Sequencer s = open()) {
            deliver(s, "SN1");
            // The commissioning at 4 is in the log, but the unit has moved on (its receipt at 8):
            // only the entry that last changed the unit is recognised, the rest is a conflict.
            Submission resent = s.submit(C.custodyChain(TestConsortium.GTIN, LOT, EXPIRY, "SN1", T).get(0).encode()).get();
            assertThat(resent).isInstanceOf(Submission.Rejected.class);
            assertThat(((Submission.Rejected) resent).reason()).contains("already commissioned (log index 8 changed it last)");
        }
    }

    @Test
    void add_resentOverHttp_getsTheSameIndexAndSaysItIsADuplicate() throws Exception {
        try (Sequencer s = open()) {
            deliver(s, "SN1");
        }
        byte[] dispense = dispense("SN1", 0);
        try (LedgerNode node = LedgerNode.start(files.root(), new InetSocketAddress("127.0.0.1", 0))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest post = HttpRequest.newBuilder(URI.create(node.url() + "add?wait=0"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(dispense)).build();
            HttpResponse<String> first = http.send(post, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> again = http.send(post, HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(first.headers().firstValue("PackGuard-Index")).hasValue("9");
            assertThat(first.headers().firstValue("PackGuard-Duplicate")).isEmpty();
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(again.headers().firstValue("PackGuard-Index")).hasValue("9");
            assertThat(again.headers().firstValue("PackGuard-Duplicate")).hasValue("true");
            // Without wait=0 the duplicate is answered like the original: 200 with its proof once integrated.
            HttpResponse<String> proof = http.send(HttpRequest.newBuilder(node.url().resolve("add"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(dispense)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(proof.statusCode()).isEqualTo(200);
            assertThat(proof.body()).startsWith("c2sp.org/tlog-proof@v1\nindex 9\n");
        }
    }
}

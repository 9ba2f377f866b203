package dev.packguard.ledger.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyParser;
import dev.packguard.ledger.policy.ProofFiles;
import dev.packguard.ledger.testing.SignedTestLog;
import dev.packguard.ledger.testing.StaticDirServer;
import dev.packguard.ledger.tlog.proof.TlogProof;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Proofs exported from the mirror, checked the way a third party would: file + policy only. */
class MirrorProofsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T11:00:00Z"), ZoneOffset.UTC);
    private static final int SIZE = 256 * 5 + 77;

    @TempDir
    Path dir;
    private SignedTestLog log;
    private Policy policy;
    private MirrorStore store;

    @BeforeEach
    void syncSignedLog() throws Exception {
        log = new SignedTestLog("proofs.example/log", 1, CLOCK);
        log.append(SIZE, "p").writeTo(dir.resolve("www"));
        policy = ((Parsed.Ok<Policy>) PolicyParser.parse(log.policy(1))).value();
        store = MirrorStore.open(dir.resolve("mirror.db"));
        try (StaticDirServer server = new StaticDirServer(dir.resolve("www"))) {
            SyncResult r = new MirrorSync(store, new LogFetcher(server.base(), LogFetcher.Settings.defaults()),
                    new PolicyVerifier(policy, CLOCK), CLOCK).sync(p -> { });
            assertThat(r).isInstanceOf(SyncResult.Synced.class);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 255, 256, 257, 1023, 1024, 256 * 5, SIZE - 1})
    void export_anyVerifiedEntry_verifiesWithNothingButThePolicy(long index) throws Exception {
        TlogProof proof = new MirrorProofs(store).export(index).orElseThrow();
        byte[] file = proof.serialise().getBytes(StandardCharsets.UTF_8);
        ProofFiles.Result r = ProofFiles.verify(file, policy, Optional.empty());
        assertThat(r).isInstanceOf(ProofFiles.Verified.class);
        ProofFiles.Verified v = (ProofFiles.Verified) r;
        assertThat(v.index()).isEqualTo(index);
        assertThat(new String(v.entry(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":" + index + ",\"tag\":\"p\"}");
        assertThat(v.size()).isEqualTo(SIZE);
        assertThat(v.witnesses()).containsExactly("w1");
    }

    @Test
    void export_beyondVerifiedSize_isEmpty() throws Exception {
        assertThat(new MirrorProofs(store).export(SIZE)).isEmpty();
        assertThat(new MirrorProofs(store).export(-1)).isEmpty();
    }

    @Test
    void verify_otherEntryClaimed_isRefused() throws Exception {
        byte[] file = new MirrorProofs(store).export(300).orElseThrow().serialise().getBytes(StandardCharsets.UTF_8);
        ProofFiles.Result r = ProofFiles.verify(file, policy, Optional.of("{\"n\":301,\"tag\":\"p\"}".getBytes()));
        assertThat(r).isInstanceOf(ProofFiles.Refused.class);
        assertThat(((ProofFiles.Refused) r).reason()).contains("not at index 300");
    }

    @Test
    void verify_policyOfAnotherLog_isRefused() throws Exception {
        byte[] file = new MirrorProofs(store).export(3).orElseThrow().serialise().getBytes(StandardCharsets.UTF_8);
        Policy other = ((Parsed.Ok<Policy>) PolicyParser.parse(
                new SignedTestLog("proofs.example/log", 2, CLOCK).policy(2))).value();
        SignedTestLog impostor = new SignedTestLog("other.example/log", 0, CLOCK);
        Policy foreign = ((Parsed.Ok<Policy>) PolicyParser.parse(impostor.policy(0))).value();
        assertThat(ProofFiles.verify(file, foreign, Optional.empty())).isInstanceOf(ProofFiles.Refused.class);
        assertThat(ProofFiles.verify(file, other, Optional.empty())).isInstanceOf(ProofFiles.Refused.class);
    }

    @Test
    void verify_notAProofFile_isMalformed() {
        assertThat(ProofFiles.verify("hello\n".getBytes(), policy, Optional.empty()))
                .isInstanceOf(ProofFiles.Malformed.class);
    }

    @Test
    void export_worksOfflineFromTheMirrorAlone() throws Exception {
        Path copy = dir.resolve("copy.db");
        store.close();
        Files.copy(dir.resolve("mirror.db"), copy);
        try (MirrorStore offline = MirrorStore.open(copy)) {
            assertThat(new MirrorProofs(offline).export(700)).isPresent();
        }
        store = MirrorStore.open(dir.resolve("mirror.db"));
    }
}

package dev.packguard.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.VerifierKey;
import dev.packguard.ledger.note.VerifierSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checkpoints recorded from real logs and witnesses (notes/README.md), and tampered copies. */
class RealCheckpointsTest {
    static final VerifierKey SUMDB = NoteFixtures.vkey(NoteFixtures.SUMDB_VKEY);
    static final VerifierKey ARCHE = NoteFixtures.vkey(NoteFixtures.ARCHE_VKEY);
    static final VerifierKey REMORA = NoteFixtures.vkey(NoteFixtures.REMORA_VKEY);

    static CheckpointVerification open(byte[] note, VerifierKey... keys) {
        VerifierSet known = Verifiers.setOf(List.of(keys));
        return CheckpointVerification.open(note, known);
    }

    static CheckpointVerification open(String note, VerifierKey... keys) {
        return open(note.getBytes(StandardCharsets.UTF_8), keys);
    }

    @Test
    void sumdbKey_isTheOnePublishedInTheGoSource() {
        assertThat(SUMDB.encoded()).isEqualTo("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            sum.golang.org-6476701.note,  6476701,  mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=
            sum.golang.org-15067302.note, 15067302, gJyioq6dwR9n+NjEWORfYmH+ubeYm3kH42BBQ0bTpYI=
            """)
    void open_goChecksumDatabaseCheckpointsVerifyWithItsPublishedKey(String file, long size, String root) {
        CheckpointVerification r = open(NoteFixtures.bytes(file), SUMDB);
        assertThat(r).isInstanceOfSatisfying(CheckpointVerification.Verified.class, v -> {
            Checkpoint cp = v.checkpoint().checkpoint();
            assertThat(cp.origin()).isEqualTo("go.sum database tree");
            assertThat(cp.size()).isEqualTo(size);
            assertThat(cp.rootHashBase64()).isEqualTo(root);
            assertThat(v.checkpoint().names()).containsExactly(new KeyName("sum.golang.org"));
            assertThat(v.checkpoint().newestCosignatureTime()).isEmpty();
        });
    }

    @Test
    void open_cosignedCheckpointVerifiesLogAndWitnessAndReportsTheWitnessTime() {
        CheckpointVerification r = open(NoteFixtures.bytes(NoteFixtures.ARCHE_COSIGNED), ARCHE, REMORA);
        assertThat(r).isInstanceOfSatisfying(CheckpointVerification.Verified.class, v -> {
            assertThat(v.checkpoint().checkpoint().size()).isEqualTo(1432088532L);
            assertThat(v.checkpoint().names()).extracting(KeyName::value)
                    .containsExactly("arche2025h1.staging.ct.transparency.dev", "remora.n621.de");
            assertThat(v.checkpoint().newestCosignatureTime()).contains(Instant.parse("2026-05-23T21:50:24Z"));
        });
    }

    @Test
    void open_witnessKeyAloneVerifiesTheCosignatureOnly() {
        CheckpointVerification r = open(NoteFixtures.bytes(NoteFixtures.ARCHE_COSIGNED), REMORA);
        assertThat(r).isInstanceOfSatisfying(CheckpointVerification.Verified.class,
                v -> assertThat(v.checkpoint().names()).containsExactly(new KeyName("remora.n621.de")));
    }

    @Test
    void open_withOnlyUnrelatedKeysHasNoKnownSignature() {
        assertThat(open(NoteFixtures.bytes(NoteFixtures.SUMDB_6476701), ARCHE, REMORA))
                .isInstanceOf(CheckpointVerification.NoKnownSignature.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {NoteFixtures.SUMDB_6476701, NoteFixtures.SUMDB_15067302, NoteFixtures.ARCHE_COSIGNED})
    void open_everyTamperedTextCharacterBreaksTheKnownSignatures(String file) {
        String note = NoteFixtures.text(file);
        int textEnd = note.lastIndexOf("\n\n");
        for (int i = 0; i < textEnd; i++) {
            char c = note.charAt(i);
            if (c == '\n') {
                continue;
            }
            char replacement = c == '1' ? '2' : c == 'A' ? 'B' : c == 'a' ? 'b' : '1';
            String tampered = note.substring(0, i) + replacement + note.substring(i + 1);
            CheckpointVerification r = open(tampered, SUMDB, ARCHE, REMORA);
            // Signatures are checked before the text is interpreted, so a change that also
            // breaks the checkpoint syntax (say, a leading zero) is still a bad signature.
            assertThat(r).as("tampered at %d", i).isInstanceOf(CheckpointVerification.BadSignature.class);
        }
    }

    @Test
    void open_tamperedSignatureByteIsABadSignatureNotAnUnknownKey() {
        String note = NoteFixtures.text(NoteFixtures.SUMDB_6476701);
        String tampered = note.replace("Az3grsLX85Gz", "Az3grsLX85Gy");
        assertThat(open(tampered, SUMDB)).isInstanceOfSatisfying(CheckpointVerification.BadSignature.class,
                b -> assertThat(b.name().value()).isEqualTo("sum.golang.org"));
    }

    @Test
    void open_tamperedCosignatureTimestampIsABadSignature() {
        String note = NoteFixtures.text(NoteFixtures.ARCHE_COSIGNED);
        // the remora line: key ID 2net5w==, then the 8-byte timestamp; move the time by one bit
        String tampered = note.replace("2net5wAAAABqEiEg", "2net5wAAAABqEiEh");
        assertThat(open(tampered, ARCHE, REMORA)).isInstanceOfSatisfying(CheckpointVerification.BadSignature.class,
                b -> assertThat(b.name().value()).isEqualTo("remora.n621.de"));
    }

    @Test
    void open_strippedSignaturesLeaveAMalformedNote() {
        String note = NoteFixtures.text(NoteFixtures.SUMDB_6476701);
        String stripped = note.substring(0, note.lastIndexOf("\n\n") + 2);
        assertThat(open(stripped, SUMDB)).isInstanceOf(CheckpointVerification.Malformed.class);
    }
}

package dev.packguard.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.note.VerifierKey;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random damage to recorded real notes: flipped bits, truncation, inserted bytes. Opening must
 * always return one of the typed outcomes (never throw), and a damaged note may only verify when
 * the damage left its text and the known keys' lines intact (for example in an unknown line).
 */
class MutatedNotesTest {
    static final List<VerifierKey> KEYS = List.of(RealCheckpointsTest.SUMDB, RealCheckpointsTest.ARCHE, RealCheckpointsTest.REMORA);

    @ParameterizedTest
    @ValueSource(strings = {NoteFixtures.SUMDB_6476701, NoteFixtures.SUMDB_15067302, NoteFixtures.ARCHE_COSIGNED})
    void open_damagedNotesNeverThrowAndNeverVerifyAlteredText(String file) {
        byte[] original = NoteFixtures.bytes(file);
        Checkpoint expected = ((CheckpointVerification.Verified) CheckpointVerification.open(original, Verifiers.setOf(KEYS)))
                .checkpoint().checkpoint();
        Random random = new Random(file.hashCode());
        for (int round = 0; round < 1000; round++) {
            byte[] damaged = damage(original, random);
            CheckpointVerification r = CheckpointVerification.open(damaged, Verifiers.setOf(KEYS));
            assertThat(r).isNotNull();
            if (r instanceof CheckpointVerification.Verified v) {
                assertThat(v.checkpoint().checkpoint()).as("round %d", round).isEqualTo(expected);
            }
        }
    }

    private static byte[] damage(byte[] in, Random random) {
        switch (random.nextInt(3)) {
            case 0: {
                byte[] out = in.clone();
                int i = random.nextInt(out.length);
                out[i] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1:
                return Arrays.copyOf(in, random.nextInt(in.length));
            default: {
                int at = random.nextInt(in.length + 1);
                byte[] out = new byte[in.length + 1];
                System.arraycopy(in, 0, out, 0, at);
                out[at] = (byte) random.nextInt(256);
                System.arraycopy(in, at, out, at + 1, in.length - at);
                return out;
            }
        }
    }
}

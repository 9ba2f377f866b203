package dev.packguard.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VerifierSetTest {
    @Test
    void find_matchesOnNameAndKeyIdTogether() {
        NoteVerifier peter = SignedNoteTest.verifier(VerifierKeyTest.PETER);
        VerifierSet set = VerifierSet.of(peter, SignedNoteTest.verifier(VerifierKeyTest.ENOCH));
        assertThat(set.find(new KeyName("PeterNeumann"), 0xc74f20a3)).contains(peter);
        assertThat(set.find(new KeyName("PeterNeumann"), 0xc74f20a4)).isEmpty();
        assertThat(set.find(new KeyName("PeterNeuman"), 0xc74f20a3)).isEmpty();
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void of_refusesTwoDifferentKeysWithTheSameNameAndKeyId() {
        NoteVerifier real = SignedNoteTest.verifier(VerifierKeyTest.PETER);
        NoteVerifier impostor = new NoteVerifier() {
            @Override
            public KeyName name() {
                return real.name();
            }

            @Override
            public int keyId() {
                return real.keyId();
            }

            @Override
            public SignatureType type() {
                return SignatureType.ED25519;
            }

            @Override
            public boolean verify(byte[] text, byte[] signature) {
                return true;
            }
        };
        assertThatThrownBy(() -> VerifierSet.of(real, impostor)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PeterNeumann").hasMessageContaining("c74f20a3");
        assertThat(VerifierSet.of(real, real).size()).isEqualTo(1);
    }
}

package dev.packguard.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignerKeyTest {
    // golang.org/x/mod sumdb/note/note_test.go (TestNewSigner, TestSign)
    static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIGNED = TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void parse_goExampleKeyDerivesItsPublishedVerifierKey() {
        SignerKey key = SignerKey.parse(PETER_SKEY).orElseThrow();
        assertThat(key.verifierKey().encoded()).isEqualTo(VerifierKeyTest.PETER);
        assertThat(key.encoded()).isEqualTo(PETER_SKEY);
    }

    @Test
    void sign_reproducesTheGoExampleNoteByteForByte() {
        // Ed25519 is deterministic (RFC 8032 §5.1.6), so the signature must match exactly.
        SignerKey key = SignerKey.parse(PETER_SKEY).orElseThrow();
        SignedNote note = Notes.sign(TEXT, List.of(key.noteSigner()));
        assertThat(note.encoded()).isEqualTo(PETER_SIGNED);
    }

    @Test
    void parse_refusesEverySubstringAndSingleCharacterChange() {
        for (int i = 0; i <= PETER_SKEY.length(); i++) {
            for (int j = i + 1; j <= PETER_SKEY.length(); j++) {
                if (i != 0 || j != PETER_SKEY.length()) {
                    assertThat(SignerKey.parse(PETER_SKEY.substring(i, j))).isInstanceOf(Parsed.Err.class);
                }
            }
        }
        char[] c = PETER_SKEY.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i]++;
            assertThat(SignerKey.parse(new String(c))).as(new String(c)).isInstanceOf(Parsed.Err.class);
            c[i]--;
        }
    }

    @Test
    void parseErrorsAndToString_neverRevealTheSecret() {
        String secret = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
        assertThat(SignerKey.parse(PETER_SKEY).orElseThrow().toString()).doesNotContain(secret).contains("PeterNeumann");
        Parsed<SignerKey> wrongId = SignerKey.parse(PETER_SKEY.replace("c74f20a3", "c74f20a4"));
        assertThat(((Parsed.Err<SignerKey>) wrongId).error().toString()).doesNotContain(secret).contains("c74f20a4");
    }

    @Test
    void generate_producesAKeyWhoseSignaturesItsVerifierAccepts() {
        SignerKey key = SignerKey.generate(new KeyName("log.packguard.test/demo"), SignatureType.ED25519, new SecureRandom());
        SignerKey again = SignerKey.parse(key.encoded()).orElseThrow();
        assertThat(again).isEqualTo(key);
        NoteVerifier v = NoteVerifier.ed25519(VerifierKey.parse(key.verifierKey().encoded()).orElseThrow());
        byte[] msg = "hi\n".getBytes(StandardCharsets.UTF_8);
        byte[] sig = key.noteSigner().sign(msg);
        assertThat(v.verify(msg, sig)).isTrue();
        sig[0]++;
        assertThat(v.verify(msg, sig)).isFalse();
        sig[0]--;
        msg[0]++;
        assertThat(v.verify(msg, sig)).isFalse();
    }

    @Test
    void noteSigner_isRefusedForCosignatureKeys() {
        SignerKey witness = SignerKey.generate(new KeyName("w.example"), SignatureType.COSIGNATURE_V1, new SecureRandom());
        assertThat(witness.verifierKey().type()).isEqualTo(SignatureType.COSIGNATURE_V1);
        assertThatThrownBy(witness::noteSigner).isInstanceOf(IllegalStateException.class);
    }
}

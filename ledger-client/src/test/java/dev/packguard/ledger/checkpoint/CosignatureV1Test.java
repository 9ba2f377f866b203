package dev.packguard.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.note.CanonicalBase64;
import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.NoteSigner;
import dev.packguard.ledger.note.NoteVerification;
import dev.packguard.ledger.note.Notes;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignedNote;
import dev.packguard.ledger.note.SignerKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CosignatureV1Test {
    static final byte[] SEED = new byte[32];
    static final SignerKey WITNESS = SignerKey.fromSeed(new KeyName("witness.example.com/w1"), SignatureType.COSIGNATURE_V1, SEED);

    @Test
    void message_isTheSpecExample() {
        // c2sp.org/tlog-cosignature §Ed25519 signed message, the example message
        byte[] msg = CosignatureV1.message(CheckpointTest.SPEC_TEXT.getBytes(StandardCharsets.UTF_8), 1679315147L);
        assertThat(new String(msg, StandardCharsets.UTF_8)).isEqualTo(
                "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    }

    @Test
    void timestamp_ofTheSpecExampleCosignatureIsTheSpecTime() {
        // c2sp.org/tlog-cosignature, the example line "— witness.example.com/w1 jWbPPw..."
        byte[] raw = CanonicalBase64.decode(
                "jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==").orElseThrow();
        byte[] afterKeyId = Arrays.copyOfRange(raw, 4, raw.length);
        assertThat(CosignatureV1.timestamp(afterKeyId)).contains(Instant.ofEpochSecond(1679315147L));
    }

    @Test
    void timestamp_refusesWrongLengthAndTheTopBit() {
        assertThat(CosignatureV1.timestamp(new byte[71])).isEmpty();
        byte[] sig = new byte[72];
        sig[0] = (byte) 0x80;
        assertThat(CosignatureV1.timestamp(sig)).isEmpty();
    }

    @Test
    void signer_stampsTheClockAndItsVerifierAcceptsIt() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T01:02:03Z"), ZoneOffset.UTC);
        NoteSigner cosigner = CosignatureV1.signer(WITNESS, clock);
        SignedNote note = Notes.sign(CheckpointTest.SPEC_TEXT, List.of(cosigner));
        byte[] sig = note.signatures().get(0).signature();
        assertThat(ByteBuffer.wrap(sig).getLong()).isEqualTo(Instant.parse("2026-11-24T01:02:03Z").getEpochSecond());

        NoteVerification v = Notes.open(note.encodedBytes(), Verifiers.setOf(List.of(WITNESS.verifierKey())));
        assertThat(v).isInstanceOf(NoteVerification.Verified.class);
    }

    @Test
    void verifier_refusesAPlainEd25519SignatureOfTheTextByTheSameKey() {
        // Domain separation: the same key's signature over the bare text is not a cosignature.
        SignedNote plain = Notes.sign(CheckpointTest.SPEC_TEXT, List.of(new NoteSigner() {
            @Override
            public KeyName name() {
                return WITNESS.name();
            }

            @Override
            public int keyId() {
                return WITNESS.verifierKey().keyId();
            }

            @Override
            public byte[] sign(byte[] text) {
                return ByteBuffer.allocate(72).putLong(0).put(WITNESS.signRaw(text)).array();
            }
        }));
        assertThat(Notes.open(plain.encodedBytes(), Verifiers.setOf(List.of(WITNESS.verifierKey()))))
                .isInstanceOf(NoteVerification.BadSignature.class);
    }

    @Test
    void verifier_coversExtensionLines() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        String text = CheckpointTest.SPEC_TEXT + "Extendo\n";
        String encoded = Notes.sign(text, List.of(CosignatureV1.signer(WITNESS, clock))).encoded();
        String tampered = encoded.replace("Extendo", "Extendi");
        assertThat(Notes.open(tampered.getBytes(StandardCharsets.UTF_8), Verifiers.setOf(List.of(WITNESS.verifierKey()))))
                .isInstanceOf(NoteVerification.BadSignature.class);
    }
}

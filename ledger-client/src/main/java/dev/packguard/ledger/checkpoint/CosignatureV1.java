package dev.packguard.ledger.checkpoint;

import dev.packguard.ledger.note.Ed25519;
import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.NoteSigner;
import dev.packguard.ledger.note.NoteVerifier;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.ledger.note.VerifierKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Ed25519 witness cosignatures, c2sp.org/tlog-cosignature (signature type 0x04).
 *
 * <p>The signature bytes after the key ID are a {@code timestamped_signature}: a big-endian u64
 * POSIX timestamp (at most 2<sup>63</sup>-1) followed by a 64-byte Ed25519 signature of the
 * message {@code "cosignature/v1\n" || "time " || decimal timestamp || "\n" || note text}
 * (§Ed25519 signed message). The note text includes extension lines, if any.
 */
public final class CosignatureV1 {
    /** Timestamp (8) plus Ed25519 signature (64). */
    public static final int SIGNATURE_SIZE = 8 + Ed25519.SIGNATURE_SIZE;

    private static final byte[] HEADER = "cosignature/v1\ntime ".getBytes(StandardCharsets.US_ASCII);

    private CosignatureV1() {
    }

    /** The signed message for note {@code text} cosigned at POSIX time {@code timestamp}. */
    public static byte[] message(byte[] text, long timestamp) {
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must be in 0..2^63-1");
        }
        byte[] time = (timestamp + "\n").getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(HEADER.length + time.length + text.length).put(HEADER).put(time).put(text).array();
    }

    /**
     * The timestamp of a cosignature's signature bytes (after the key ID), or empty when they are
     * not 72 bytes or the timestamp exceeds 2<sup>63</sup>-1.
     */
    public static Optional<Instant> timestamp(byte[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            return Optional.empty();
        }
        long t = ByteBuffer.wrap(signature, 0, 8).getLong();
        return t < 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(t));
    }

    /** The verifier for a type 0x04 witness key. */
    public static NoteVerifier verifier(VerifierKey key) {
        if (key.type() != SignatureType.COSIGNATURE_V1) {
            throw new IllegalArgumentException("not a cosignature/v1 key: " + key.type());
        }
        Ed25519.PublicKey pk = Ed25519.publicKey(key.publicKey()).orElseThrow();
        return NoteVerifier.of(key, (text, signature) -> {
            Optional<Instant> t = timestamp(signature);
            return t.isPresent() && pk.verify(message(text, t.get().getEpochSecond()), signature, 8, Ed25519.SIGNATURE_SIZE);
        });
    }

    /**
     * A cosigner that stamps each cosignature with {@code clock}'s current second.
     *
     * @throws IllegalArgumentException when {@code key} is not a type 0x04 key: the Ed25519
     *     message format does not commit to the cosigner name, so a witness key must not double
     *     as a log key (§Ed25519 signed message)
     */
    public static NoteSigner signer(SignerKey key, Clock clock) {
        if (key.type() != SignatureType.COSIGNATURE_V1) {
            throw new IllegalArgumentException("not a cosignature/v1 key: " + key.type());
        }
        Objects.requireNonNull(clock, "clock");
        return new NoteSigner() {
            @Override
            public KeyName name() {
                return key.name();
            }

            @Override
            public int keyId() {
                return key.verifierKey().keyId();
            }

            @Override
            public byte[] sign(byte[] text) {
                long now = clock.instant().getEpochSecond();
                byte[] sig = key.signRaw(message(text, now));
                return ByteBuffer.allocate(SIGNATURE_SIZE).putLong(now).put(sig).array();
            }
        };
    }
}

package dev.packguard.ledger.note;

import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Ed25519 (RFC 8032 §5.1) on raw 32-byte keys, through Bouncy Castle's lightweight API.
 *
 * <p>Why Bouncy Castle and not the JDK's {@code Ed25519} provider: the note formats carry raw
 * 32-byte public keys and seeds, which Bouncy Castle takes as they are, whereas the JDK wants an
 * {@code EdECPoint} (sign bit and y coordinate split apart) or a DER wrapping; Bouncy Castle is
 * already a dependency of ledger-client (X.509 for party certificates); and a decoded public
 * key object can be kept and reused, so each verification does not decode the point again.
 */
public final class Ed25519 {
    /** Public keys and private seeds are 32 bytes. */
    public static final int KEY_SIZE = 32;
    /** Signatures are 64 bytes. */
    public static final int SIGNATURE_SIZE = 64;

    private Ed25519() {
    }

    /** A decoded public key, or empty when {@code key} is not 32 bytes encoding a curve point. */
    public static Optional<PublicKey> publicKey(byte[] key) {
        if (key.length != KEY_SIZE) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PublicKey(new Ed25519PublicKeyParameters(key, 0)));
        } catch (IllegalArgumentException notAPoint) {
            return Optional.empty();
        }
    }

    /** The public key of the 32-byte private {@code seed} (RFC 8032 §5.1.5). */
    public static byte[] publicKeyOfSeed(byte[] seed) {
        return new Ed25519PrivateKeyParameters(checkSeed(seed), 0).generatePublicKey().getEncoded();
    }

    /** A 64-byte signature of {@code message} by the key with private {@code seed} (§5.1.6). */
    public static byte[] sign(byte[] seed, byte[] message) {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(checkSeed(seed), 0);
        byte[] sig = new byte[SIGNATURE_SIZE];
        key.sign(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, message, 0, message.length, sig, 0);
        return sig;
    }

    private static byte[] checkSeed(byte[] seed) {
        if (seed.length != KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, not " + seed.length);
        }
        return seed;
    }

    /** A decoded Ed25519 public key; thread-safe and reusable. */
    public static final class PublicKey {
        private final Ed25519PublicKeyParameters key;

        private PublicKey(Ed25519PublicKeyParameters key) {
            this.key = key;
        }

        /**
         * Whether {@code signature} is a valid signature of {@code message} (RFC 8032 §5.1.7,
         * which refuses a non-canonical S). A signature of any length but 64 is invalid.
         */
        public boolean verify(byte[] message, byte[] signature) {
            return verify(message, signature, 0, signature.length);
        }

        /** As {@link #verify(byte[], byte[])} for {@code signature[offset, offset+length)}. */
        public boolean verify(byte[] message, byte[] signature, int offset, int length) {
            if (length != SIGNATURE_SIZE) {
                return false;
            }
            return key.verify(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null,
                    message, 0, message.length, signature, offset);
        }
    }
}

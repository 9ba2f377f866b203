package dev.packguard.ledger.note;

/**
 * Checks signatures made by one known key. A verifier is found for a signature line by the pair
 * (key name, key ID), c2sp.org/signed-note §Signatures. Implementations must be thread-safe.
 */
public interface NoteVerifier {
    /** The key name that signature lines by this key carry. */
    KeyName name();

    /** The key ID that signatures by this key start with. */
    int keyId();

    /** How this key signs: the note text (0x01) or a cosignature message (0x04). */
    SignatureType type();

    /**
     * Whether {@code signature} (the bytes after the key ID) is a valid signature by this key of
     * the note {@code text} (UTF-8, including its final newline).
     */
    boolean verify(byte[] text, byte[] signature);

    /** The verifier of a type 0x01 (Ed25519) key. */
    static NoteVerifier ed25519(VerifierKey key) {
        if (key.type() != SignatureType.ED25519) {
            throw new IllegalArgumentException("not an Ed25519 note key: " + key.type());
        }
        Ed25519.PublicKey pk = Ed25519.publicKey(key.publicKey()).orElseThrow();
        // Ed25519 over the note text, c2sp.org/signed-note §Ed25519 signatures
        return of(key, pk::verify);
    }

    /** How one key type checks a signature over the note text. */
    @FunctionalInterface
    interface Check {
        boolean verify(byte[] text, byte[] signature);
    }

    /** A verifier named and typed by {@code key} that checks signatures with {@code check}. */
    static NoteVerifier of(VerifierKey key, Check check) {
        return new NoteVerifier() {
            @Override
            public KeyName name() {
                return key.name();
            }

            @Override
            public int keyId() {
                return key.keyId();
            }

            @Override
            public SignatureType type() {
                return key.type();
            }

            @Override
            public boolean verify(byte[] text, byte[] signature) {
                return check.verify(text, signature);
            }

            @Override
            public String toString() {
                return key.encoded();
            }
        };
    }
}

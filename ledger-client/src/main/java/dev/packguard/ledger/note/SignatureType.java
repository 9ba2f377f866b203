package dev.packguard.ledger.note;

import java.util.Optional;

/**
 * The signature type identifier bytes this station accepts (c2sp.org/signed-note §Signature
 * types). Only the two Ed25519 types are supported: the log signs checkpoints with
 * {@link #ED25519}, witnesses cosign with {@link #COSIGNATURE_V1}. ECDSA (0x02), RFC 6962 tree
 * head signatures (0x05) and ML-DSA-44 cosignatures (0x06) are refused when parsing a key.
 */
public enum SignatureType {
    /** 0x01: Ed25519 over the note text, c2sp.org/signed-note §Ed25519 signatures. */
    ED25519(0x01),
    /** 0x04: timestamped Ed25519 witness cosignature, c2sp.org/tlog-cosignature (v1). */
    COSIGNATURE_V1(0x04);

    private final int id;

    SignatureType(int id) {
        this.id = id;
    }

    /** The identifier byte that prefixes the public key and enters the key ID hash. */
    public int id() {
        return id;
    }

    /** The supported type with identifier {@code id}, if any. */
    public static Optional<SignatureType> of(int id) {
        for (SignatureType t : values()) {
            if (t.id == id) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}

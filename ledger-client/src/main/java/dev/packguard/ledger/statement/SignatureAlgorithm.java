package dev.packguard.ledger.statement;

import java.util.Optional;

/** The signature algorithms a statement may use, with their JOSE names (RFC 8037 §3.1, RFC 7518 §3.4). */
public enum SignatureAlgorithm {
    /** Ed25519, RFC 8032 §5.1; 64-byte signature. */
    ED25519("Ed25519"),
    /** ECDSA on P-256 with SHA-256, FIPS 186-5; signature r || s, 32 bytes each, low-S (RFC 7518 §3.4). */
    ES256("ES256");

    /** Both algorithms produce 64-byte signatures. */
    public static final int SIGNATURE_BYTES = 64;

    private final String wireName;

    SignatureAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the signature's {@code alg} field. */
    public String wireName() {
        return wireName;
    }

    /** The algorithm with this {@code alg} name, if any. */
    public static Optional<SignatureAlgorithm> fromWireName(String name) {
        for (SignatureAlgorithm a : values()) {
            if (a.wireName.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}

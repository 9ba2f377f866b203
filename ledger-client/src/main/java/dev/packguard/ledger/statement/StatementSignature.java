package dev.packguard.ledger.statement;

import java.util.Arrays;
import java.util.Objects;

/**
 * The signature of an entry: algorithm, the signer's key id and the signature over
 * {@link StatementCodec#signingInput(Statement)}.
 *
 * @param value exactly {@link SignatureAlgorithm#SIGNATURE_BYTES} bytes
 */
public record StatementSignature(SignatureAlgorithm alg, KeyId keyId, byte[] value) {
    /** Requires every field and a 64-byte value. */
    public StatementSignature {
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(value, "value");
        if (value.length != SignatureAlgorithm.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("a signature has " + SignatureAlgorithm.SIGNATURE_BYTES + " bytes, got " + value.length);
        }
        value = value.clone();
    }

    /** A copy of the signature bytes. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatementSignature s && alg == s.alg && keyId.equals(s.keyId) && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alg, keyId, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "StatementSignature[alg=" + alg.wireName() + ", keyId=" + keyId + ", value=" + Base64Url.encode(value) + "]";
    }
}

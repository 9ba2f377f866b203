package dev.packguard.ledger.note;

import java.util.Arrays;
import java.util.Objects;

/**
 * A signature line whose key was known and whose signature verified. For a
 * {@link SignatureType#COSIGNATURE_V1} signature, {@link #signature()} starts with the 8-byte
 * big-endian timestamp (c2sp.org/tlog-cosignature §Format).
 */
public record VerifiedSignature(KeyName name, int keyId, SignatureType type, byte[] signature) {
    public VerifiedSignature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifiedSignature s && s.name.equals(name) && s.keyId == keyId && s.type == type
                && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, keyId, type, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return name + "+" + String.format("%08x", keyId) + " (" + type + ")";
    }
}

package dev.packguard.ledger.note;

import java.util.Arrays;
import java.util.Objects;

/**
 * One signature line of a note, {@code — <name> base64(key ID || signature)}, as parsed and not
 * yet verified (c2sp.org/signed-note §Signatures). {@link #signature()} excludes the key ID.
 */
public record NoteSignature(KeyName name, int keyId, byte[] signature) {
    public NoteSignature {
        Objects.requireNonNull(name, "name");
        signature = signature.clone();
        if (signature.length == 0) {
            throw new IllegalArgumentException("a signature has at least one byte after the key ID");
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** {@code base64(key ID || signature)}, as written on the line. */
    public String base64() {
        byte[] all = new byte[4 + signature.length];
        all[0] = (byte) (keyId >>> 24);
        all[1] = (byte) (keyId >>> 16);
        all[2] = (byte) (keyId >>> 8);
        all[3] = (byte) keyId;
        System.arraycopy(signature, 0, all, 4, signature.length);
        return CanonicalBase64.encode(all);
    }

    /** The signature line without its newline: em dash, space, name, space, base64. */
    public String line() {
        return SignedNote.SIGNATURE_PREFIX + name.value() + " " + base64();
    }

    /** Whether this line was made by the key with {@code name} and {@code keyId}. */
    public boolean isBy(KeyName otherName, int otherKeyId) {
        return name.equals(otherName) && keyId == otherKeyId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature s && s.name.equals(name) && s.keyId == keyId && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return line();
    }
}

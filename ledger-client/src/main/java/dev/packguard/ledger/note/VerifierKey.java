package dev.packguard.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A public key that verifies note signatures, in the text form
 * {@code <name>+<key ID as 8 lowercase hex digits>+<base64(type byte || public key)>} used by
 * c2sp.org/signed-note and golang.org/x/mod/sumdb/note (for example
 * {@code sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8}).
 *
 * <p>The key ID is {@code SHA-256(name || 0x0A || type || public key)[:4]}, big-endian
 * (c2sp.org/signed-note §Signatures; for type 0x04, c2sp.org/tlog-cosignature §Format). Parsing
 * refuses anything non-canonical: bad names, upper-case or short hex, non-canonical base64,
 * unsupported types, wrong key sizes, points not on the curve, and a key ID that does not match.
 */
public record VerifierKey(KeyName name, int keyId, SignatureType type, byte[] publicKey) {
    /** Longer strings are refused before any work (a vkey is about 100 characters). */
    public static final int MAX_LENGTH = 1024;

    public VerifierKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        publicKey = publicKey.clone();
        if (Ed25519.publicKey(publicKey).isEmpty()) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        if (keyId != keyId(name, type, publicKey)) {
            throw new IllegalArgumentException("key ID does not match name, type and key");
        }
    }

    /** The verifier key for {@code publicKey}, with its key ID computed. */
    public static VerifierKey of(KeyName name, SignatureType type, byte[] publicKey) {
        return new VerifierKey(name, keyId(name, type, publicKey), type, publicKey);
    }

    /** {@code SHA-256(name || 0x0A || type || publicKey)[:4]} as a big-endian int. */
    public static int keyId(KeyName name, SignatureType type, byte[] publicKey) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        sha.update(name.value().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update((byte) type.id());
        byte[] h = sha.digest(publicKey);
        return (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
    }

    /** Parses the text form; see the class comment for what is refused. */
    public static Parsed<VerifierKey> parse(String text) {
        return KeyText.parse(text, 0)
                .flatMap(k -> k.checkKeyId(k.key(), k.keyIdColumn(0)))
                .map(k -> new VerifierKey(k.name(), k.keyId(), k.type(), k.key()));
    }

    /** The public key bytes (a copy). */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The key ID as 8 lowercase hex digits. */
    public String keyIdHex() {
        return String.format("%08x", keyId);
    }

    /** The canonical text form, which {@link #parse} accepts and returns an equal key for. */
    public String encoded() {
        byte[] typed = new byte[publicKey.length + 1];
        typed[0] = (byte) type.id();
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name.value() + "+" + keyIdHex() + "+" + CanonicalBase64.encode(typed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifierKey k && k.name.equals(name) && k.keyId == keyId && k.type == type
                && Arrays.equals(k.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, keyId, type, Arrays.hashCode(publicKey));
    }

    @Override
    public String toString() {
        return encoded();
    }
}

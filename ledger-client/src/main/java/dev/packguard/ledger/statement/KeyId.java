package dev.packguard.ledger.statement;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Names a signing key: base64url(first 16 bytes of SHA-256(SubjectPublicKeyInfo DER)), 22
 * characters. 128 bits keep accidental and birthday collisions out of reach (2^64 work) while the
 * id stays short; the same 16 bytes are the certificate's SubjectKeyIdentifier (RFC 5280
 * §4.2.1.2 allows any unique value there). The id only selects a key: a signature is always
 * checked with the certified key itself.
 *
 * @param value 22 characters of canonical unpadded base64url
 */
public record KeyId(String value) {
    /** Bytes of SHA-256 kept in the id. */
    public static final int LENGTH_BYTES = 16;

    /** @throws IllegalArgumentException when {@code value} is not 22 characters of canonical base64url */
    public KeyId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a key id (base64url of 16 bytes): " + value);
        }
    }

    /** True when {@code value} is the canonical base64url of 16 bytes. */
    public static boolean isValid(String value) {
        return value.length() == 22 && Base64Url.decode(value).isPresent();
    }

    /** The id of the key whose SubjectPublicKeyInfo DER encoding is {@code spkiDer}. */
    public static KeyId ofSubjectPublicKeyInfo(byte[] spkiDer) {
        return new KeyId(Base64Url.encode(identifierBytes(spkiDer)));
    }

    /** The 16 bytes behind the id, also used as the certificate's SubjectKeyIdentifier. */
    public static byte[] identifierBytes(byte[] spkiDer) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(spkiDer), LENGTH_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

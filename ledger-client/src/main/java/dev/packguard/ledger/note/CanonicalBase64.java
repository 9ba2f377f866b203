package dev.packguard.ledger.note;

import java.util.Base64;
import java.util.Optional;

/**
 * Standard base64 (RFC 4648 §4) as the C2SP text formats use it, decoded strictly: padding is
 * required and the unused bits of the last character must be zero. Java's decoder accepts both
 * missing padding and non-zero trailing bits, so two different strings could denote the same
 * bytes; we refuse every string that is not exactly the encoding of what it decodes to.
 */
public final class CanonicalBase64 {
    private CanonicalBase64() {
    }

    /** The bytes {@code text} encodes, or empty when it is not canonical standard base64. */
    public static Optional<byte[]> decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Base64.getEncoder().encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    }

    /** The standard, padded base64 encoding of {@code bytes}. */
    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}

package dev.packguard.ledger.statement;

import java.util.Base64;
import java.util.Optional;

/**
 * Unpadded base64url (RFC 4648 §5), the only binary-to-text form in statements. Decoding is
 * canonical: padding, line breaks, other alphabets and non-zero trailing bits are refused, so
 * one byte string has exactly one text form.
 */
public final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {}

    /** Encodes without padding. */
    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** The bytes of {@code text}, or empty when it is not the canonical unpadded base64url of some byte string. */
    public static Optional<byte[]> decode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!alphabet) {
                return Optional.empty();
            }
        }
        if (text.length() % 4 == 1) {
            return Optional.empty();
        }
        byte[] bytes = DECODER.decode(text);
        // The JDK decoder ignores non-zero bits in the last character; re-encoding catches them.
        return encode(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    }
}

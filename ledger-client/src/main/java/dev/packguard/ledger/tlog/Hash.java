package dev.packguard.ledger.tlog;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A SHA-256 Merkle tree hash: exactly 32 bytes, compared by content, immutable.
 *
 * <p>Text forms: lower-case hexadecimal (64 characters) and standard padded base64 (RFC 4648
 * §4, 44 characters, as used by checkpoints and tlog-proof files). The parsers accept only the
 * canonical form of each, so a hash has exactly one spelling.
 */
public final class Hash {

    /** The size of a SHA-256 digest in bytes. */
    public static final int SIZE = 32;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A hash holding a copy of {@code bytes}.
     *
     * @throws IllegalArgumentException if {@code bytes} is not exactly 32 bytes long; callers
     *     handling untrusted input use {@link #parseHex} or {@link #parseBase64} instead
     */
    public static Hash of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
        }
        return new Hash(bytes.clone());
    }

    /** A hash read from {@code SIZE} bytes of {@code source} starting at {@code offset}. */
    public static Hash of(byte[] source, int offset) {
        return new Hash(Arrays.copyOfRange(source, offset, offset + SIZE));
    }

    /** Takes ownership of a freshly computed digest, without copying. */
    static Hash wrap(byte[] digest) {
        return new Hash(digest);
    }

    /** Parses 64 lower-case hexadecimal characters. */
    public static Parsed<Hash> parseHex(String text) {
        if (text.length() != 2 * SIZE) {
            return Parsed.failed(ParseError.Kind.WRONG_LENGTH, 0,
                    "a hex hash has 64 characters, got " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean lower = c >= 'a' && c <= 'f';
            if (!digit && !lower) {
                return Parsed.failed(ParseError.Kind.BAD_ENCODING, i,
                        "not a lower-case hex digit: '" + c + "'");
            }
        }
        return Parsed.ok(new Hash(HEX.parseHex(text)));
    }

    /**
     * Parses standard base64 (RFC 4648 §4) of exactly 32 bytes. Refuses other lengths, URL-safe
     * characters, missing padding, whitespace, and encodings whose unused bits are not zero
     * (which would give one hash several spellings).
     */
    public static Parsed<Hash> parseBase64(String text) {
        if (text.length() != 44) {
            return Parsed.failed(ParseError.Kind.WRONG_LENGTH, 0,
                    "a base64 hash has 44 characters, got " + text.length());
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // The JDK decoder signals bad characters only by exception; it is contained here.
            return Parsed.failed(ParseError.Kind.BAD_ENCODING, 0, "not base64: " + e.getMessage());
        }
        if (decoded.length != SIZE) {
            return Parsed.failed(ParseError.Kind.WRONG_LENGTH, 0,
                    "base64 decodes to " + decoded.length + " bytes, a hash has 32");
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
            return Parsed.failed(ParseError.Kind.NON_CANONICAL, 0, "non-canonical base64: " + text);
        }
        return Parsed.ok(new Hash(decoded));
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Copies the 32 bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, SIZE);
    }

    /** The bytes without a copy, for hashing inside this package; never mutated. */
    byte[] raw() {
        return bytes;
    }

    /** Lower-case hexadecimal, 64 characters. */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** Standard padded base64, 44 characters. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hash that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The hexadecimal form. */
    @Override
    public String toString() {
        return hex();
    }
}

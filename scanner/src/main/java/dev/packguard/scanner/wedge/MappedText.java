package dev.packguard.scanner.wedge;

import java.util.Arrays;
import java.util.Objects;

/**
 * Text derived from a scan by replacing and removing characters, remembering for each character
 * where it came from, so errors and repairs can point at the scan as the operator sent it.
 *
 * @param text   the derived text
 * @param origin for each character of {@code text}, its index in the original scan
 * @param originalLength the length of the original scan
 */
public record MappedText(String text, int[] origin, int originalLength) {
    public MappedText {
        Objects.requireNonNull(text, "text");
        origin = origin.clone();
        if (origin.length != text.length()) {
            throw new IllegalArgumentException("origin must map every character");
        }
    }

    /** A copy of the mapping (the record keeps its own array immutable). */
    @Override
    public int[] origin() {
        return origin.clone();
    }

    /** The scan itself, every character mapping to itself. */
    public static MappedText of(String scan) {
        int[] o = new int[scan.length()];
        Arrays.setAll(o, i -> i);
        return new MappedText(scan, o, scan.length());
    }

    /** The index in the original scan of position {@code i} in {@code text}; the end maps to the end. */
    public int originOf(int i) {
        if (i >= 0 && i < origin.length) {
            return origin[i];
        }
        return i < 0 ? 0 : originalLength;
    }

    /** The text from {@code from} on, still mapped to the original. */
    public MappedText from(int from) {
        return new MappedText(text.substring(from), Arrays.copyOfRange(origin, from, origin.length), originalLength);
    }

    /** The same mapping with each character replaced through {@code map} (length-preserving). */
    public MappedText mapChars(java.util.function.IntUnaryOperator map) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            sb.append((char) map.applyAsInt(text.charAt(i)));
        }
        return new MappedText(sb.toString(), origin, originalLength);
    }

    /** Replaces every occurrence of {@code token} by {@code replacement} (one character). */
    public MappedText replace(String token, char replacement) {
        if (token.isEmpty() || !text.contains(token)) {
            return this;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int[] o = new int[text.length()];
        int n = 0;
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith(token, i)) {
                sb.append(replacement);
                o[n++] = origin[i];
                i += token.length();
            } else {
                sb.append(text.charAt(i));
                o[n++] = origin[i];
                i++;
            }
        }
        return new MappedText(sb.toString(), Arrays.copyOf(o, n), originalLength);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MappedText m && m.text.equals(text) && Arrays.equals(m.origin, origin)
                && m.originalLength == originalLength;
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + Arrays.hashCode(origin);
    }

    @Override
    public String toString() {
        return text;
    }
}

package dev.packguard.ledger.note;

import java.util.Objects;
import java.util.Optional;

/**
 * The name of a note signing key (for logs, usually the origin; for witnesses, a schema-less
 * URL). Per c2sp.org/signed-note §Format a key name is non-empty and contains no Unicode space
 * and no plus (U+002B). We also refuse control characters and unpaired surrogates, which cannot
 * appear in a well-formed UTF-8 note.
 */
public record KeyName(String value) implements Comparable<KeyName> {
    public KeyName {
        Objects.requireNonNull(value, "value");
        problem(value).ifPresent(e -> {
            throw new IllegalArgumentException("invalid key name: " + e.reason());
        });
    }

    /** Parses {@code text} as a key name; the error column points at the first bad character. */
    public static Parsed<KeyName> parse(String text) {
        Optional<ParseError> e = problem(text);
        return e.isEmpty() ? Parsed.ok(new KeyName(text)) : Parsed.error(e.get());
    }

    private static Optional<ParseError> problem(String text) {
        if (text.isEmpty()) {
            return Optional.of(new ParseError(1, 1, "key name is empty"));
        }
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            Optional<String> why = Optional.empty();
            if (cp == '+') {
                why = Optional.of("key name contains '+'");
            } else if (isUnicodeSpace(cp)) {
                why = Optional.of(String.format("key name contains a space character U+%04X", cp));
            } else if (Character.isISOControl(cp)) {
                why = Optional.of(String.format("key name contains a control character U+%04X", cp));
            } else if (Character.getType(cp) == Character.SURROGATE) {
                why = Optional.of("key name contains an unpaired surrogate");
            }
            if (why.isPresent()) {
                return Optional.of(new ParseError(1, i + 1, why.get()));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /** Unicode White_Space as Go's {@code unicode.IsSpace} sees it (Zs, Zl, Zp, TAB..CR, NEL). */
    static boolean isUnicodeSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    @Override
    public int compareTo(KeyName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

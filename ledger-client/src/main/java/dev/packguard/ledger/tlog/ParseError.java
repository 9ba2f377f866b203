package dev.packguard.ledger.tlog;

import java.util.Objects;

/**
 * Why untrusted bytes or text were refused, and where.
 *
 * @param kind what was wrong
 * @param position where it was found: a byte offset for binary formats (tiles, entry bundles,
 *     compact ranges), a 1-based line number for text formats (proof files), a character offset
 *     for paths and single values
 * @param detail a human-readable explanation naming the offending value
 */
public record ParseError(Kind kind, long position, String detail) {

    /** The classes of refusal; callers branch on these, people read {@link #detail()}. */
    public enum Kind {
        /** The input ended before a complete value was read. */
        TRUNCATED,
        /** Bytes or lines follow a complete value. */
        TRAILING_DATA,
        /** A length or count differs from the one the context requires. */
        WRONG_LENGTH,
        /** A well-formed value in a form the spec forbids (leading zeros, padding, case...). */
        NON_CANONICAL,
        /** A number outside its permitted range. */
        OUT_OF_RANGE,
        /** Characters or bytes that are not valid in this encoding. */
        BAD_ENCODING,
        /** A required element is absent. */
        MISSING
    }

    /** Validates the fields: no nulls, a non-negative position. */
    public ParseError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0: " + position);
        }
    }

    @Override
    public String toString() {
        return kind + " at " + position + ": " + detail;
    }
}

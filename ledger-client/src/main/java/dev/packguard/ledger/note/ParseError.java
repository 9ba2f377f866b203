package dev.packguard.ledger.note;

import java.util.Objects;

/**
 * Why untrusted text was refused, and where: a 1-based line and column (in characters) of the
 * first offending character. Single-line inputs (keys) always report line 1.
 *
 * <p>Messages never contain secret key material: a rejected signer key is described by position
 * and cause only.
 */
public record ParseError(int line, int column, String reason) {
    public ParseError {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
        Objects.requireNonNull(reason, "reason");
    }

    /** The same error moved by {@code lines} lines and, on its first line, {@code columns} columns. */
    public ParseError shift(int lines, int columns) {
        return new ParseError(line + lines, lines == 0 ? column + columns : column, reason);
    }

    /** {@code line L, column C: reason}, for messages shown to operators. */
    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + reason;
    }
}

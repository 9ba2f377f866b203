package dev.packguard.scanner;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a scan could not be turned into a {@link ProductIdentifier}: the AI at fault (when one
 * is), the character position in the scan as received, the rule broken and a message for the
 * operator that says what to do.
 */
public record ParseError(Optional<String> ai, int position, Rule rule, String message) {

    /** The rules a scan can break. */
    public enum Rule {
        EMPTY_INPUT,
        INPUT_TOO_LONG,
        UNKNOWN_AI,
        TRUNCATED_AI,
        TOO_SHORT,
        TOO_LONG,
        NOT_NUMERIC,
        INVALID_CHARACTER,
        CHECK_DIGIT,
        INVALID_DATE,
        INVALID_TIME,
        SEPARATOR_EXPECTED,
        CONFLICTING_DUPLICATE,
        MISSING_ASSOCIATED_AI,
        INVALID_AI_PAIR,
        NO_PRODUCT_CODE,
        AMBIGUOUS_MISSING_SEPARATOR,
        MALFORMED_BRACKETS,
        MALFORMED_URI,
        MALFORMED_ENVELOPE,
        UNSUPPORTED_SYMBOLOGY,
        UNREADABLE_IMAGE,
    }

    public ParseError {
        Objects.requireNonNull(ai, "ai");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, was " + position);
        }
    }

    /** An error not tied to one AI. */
    public static ParseError at(int position, Rule rule, String message) {
        return new ParseError(Optional.empty(), position, rule, message);
    }

    /** An error in the element string of {@code ai}. */
    public static ParseError inAi(String ai, int position, Rule rule, String message) {
        return new ParseError(Optional.of(ai), position, rule, message);
    }

    /** The same error with its position moved by {@code delta} (when the scan was embedded in a longer input). */
    public ParseError shifted(int delta) {
        return new ParseError(ai, Math.max(0, position + delta), rule, message);
    }

    /** One line for an operator: rule, AI, position and message. */
    @Override
    public String toString() {
        return rule + ai.map(a -> " in AI (" + a + ")").orElse("") + " at position " + position + ": " + message;
    }
}

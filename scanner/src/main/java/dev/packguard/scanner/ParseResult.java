package dev.packguard.scanner;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of parsing one scan: either an identifier or a typed error. Parsers return this
 * and never throw for bad input.
 */
public sealed interface ParseResult permits ParseResult.Success, ParseResult.Failure {

    /** The scan was read; {@code identifier.repairs()} lists anything that had to be undone. */
    record Success(ProductIdentifier identifier) implements ParseResult {
        public Success {
            Objects.requireNonNull(identifier, "identifier");
        }
    }

    /** The scan was not read; {@code repairs} lists what was undone before the error was found. */
    record Failure(ParseError error, List<Repair> repairs) implements ParseResult {
        public Failure {
            Objects.requireNonNull(error, "error");
            repairs = List.copyOf(repairs);
        }

        public Failure(ParseError error) {
            this(error, List.of());
        }
    }

    /** A success. */
    static ParseResult success(ProductIdentifier identifier) {
        return new Success(identifier);
    }

    /** A failure with no repairs. */
    static ParseResult failure(ParseError error) {
        return new Failure(error);
    }
}

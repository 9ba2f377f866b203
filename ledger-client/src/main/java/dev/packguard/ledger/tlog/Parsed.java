package dev.packguard.ledger.tlog;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of parsing untrusted input: either a value that satisfies every rule of its
 * format, or the first {@link ParseError} found. Parsers in this package never throw for bad
 * input and never return a half-built value.
 *
 * @param <T> the parsed value's type
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Failed {

    /** The input was valid. */
    record Ok<T>(T value) implements Parsed<T> {
        /** Requires a value. */
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The input was refused. */
    record Failed<T>(ParseError error) implements Parsed<T> {
        /** Requires an error. */
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** A successful outcome. */
    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    /** A refusal of the given kind at the given position. */
    static <T> Parsed<T> failed(ParseError.Kind kind, long position, String detail) {
        return new Failed<>(new ParseError(kind, position, detail));
    }

    /** The value if the input was valid, otherwise empty. */
    default Optional<T> ok() {
        return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
    }

    /** The error if the input was refused, otherwise empty. */
    default Optional<ParseError> failure() {
        return this instanceof Failed<T> failed ? Optional.of(failed.error()) : Optional.empty();
    }

    /** Applies {@code f} to a valid value; a refusal passes through unchanged. */
    default <R> Parsed<R> map(Function<? super T, ? extends R> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Failed<>(((Failed<T>) this).error());
    }
}

package dev.packguard.ledger.note;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of parsing untrusted input: either the value ({@link Ok}) or a typed, positioned
 * reason it was refused ({@link Err}). Expected failures are values, never exceptions.
 *
 * @param <T> the parsed type
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Err {

    /** The input was well formed and canonical. */
    record Ok<T>(T value) implements Parsed<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The input was refused; nothing was half-built. */
    record Err<T>(ParseError error) implements Parsed<T> {
        public Err {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> error(int line, int column, String reason) {
        return new Err<>(new ParseError(line, column, reason));
    }

    static <T> Parsed<T> error(ParseError error) {
        return new Err<>(error);
    }

    /** Applies {@code f} to a parsed value; an error passes through unchanged. */
    default <U> Parsed<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Err<>(((Err<T>) this).error());
    }

    /** Chains a further parse step that may itself fail. */
    default <U> Parsed<U> flatMap(Function<? super T, Parsed<U>> f) {
        if (this instanceof Ok<T> ok) {
            return f.apply(ok.value());
        }
        return new Err<>(((Err<T>) this).error());
    }

    /**
     * The value, for input that is trusted to be valid (constants compiled into the program, test
     * fixtures). Untrusted input must be handled through the two cases instead.
     *
     * @throws IllegalStateException with the parse error when the input was refused
     */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException(((Err<T>) this).error().toString());
    }
}

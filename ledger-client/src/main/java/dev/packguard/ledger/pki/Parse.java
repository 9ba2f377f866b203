package dev.packguard.ledger.pki;

import java.util.Objects;

/** The outcome of parsing untrusted certificate bytes: the value, or why the bytes are unusable. */
public sealed interface Parse<T> {
    /**
     * The value, for callers that made the bytes themselves (so Unusable is a bug).
     *
     * @throws IllegalStateException when the bytes were unusable
     */
    default T orElseThrow() {
        if (this instanceof Parsed<T> parsed) {
            return parsed.value();
        }
        throw new IllegalStateException("unusable: " + ((Unusable<T>) this).reason());
    }

    /** The bytes parsed into {@code value}. */
    record Parsed<T>(T value) implements Parse<T> {
        /** Requires the value. */
        public Parsed {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The bytes are not a usable certificate of the expected kind. */
    record Unusable<T>(String reason) implements Parse<T> {
        /** Requires the reason. */
        public Unusable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

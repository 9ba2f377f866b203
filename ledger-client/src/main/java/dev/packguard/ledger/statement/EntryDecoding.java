package dev.packguard.ledger.statement;

import java.util.Objects;

/** The outcome of decoding untrusted entry bytes: a well-formed signed statement, or why not. */
public sealed interface EntryDecoding {
    /** The entry is a well-formed, canonical version-1 statement (its signature is not checked yet). */
    record Decoded(SignedStatement entry) implements EntryDecoding {
        /** Requires the entry. */
        public Decoded {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * The entry is not a valid statement. It is recorded and ignored by the rules; it never stops a sync.
     *
     * @param problem what kind of defect
     * @param pointer where: an RFC 6901 JSON Pointer ({@code /statement/units/3}), or {@code @<byte offset>}
     *                when the bytes are not JSON or not canonical, or empty for the whole entry
     * @param detail a sentence for logs and the audit view
     */
    record Invalid(Problem problem, String pointer, String detail) implements EntryDecoding {
        /** Requires every field. */
        public Invalid {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Kinds of defect, in the order the decoder checks them. */
    enum Problem {
        /** More than {@link EntryDecoder#MAX_ENTRY_BYTES} bytes. */
        TOO_LARGE,
        /** Not UTF-8 JSON, a duplicate member name, trailing data, or nested too deep. */
        NOT_JSON,
        /** Valid JSON, but not byte-for-byte its RFC 8785 canonical form. */
        NOT_CANONICAL,
        /** {@code v} is not 1. */
        UNKNOWN_VERSION,
        /** {@code type} (or the signature's {@code alg}) is not one this version defines. */
        UNKNOWN_TYPE,
        /** A required member is absent. */
        MISSING_FIELD,
        /** A member this type does not define is present. */
        UNKNOWN_FIELD,
        /** A member has the wrong JSON type or a value outside its domain (check digit, date, code list, order, …). */
        BAD_VALUE
    }
}

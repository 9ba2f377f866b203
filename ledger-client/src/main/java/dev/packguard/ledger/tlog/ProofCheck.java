package dev.packguard.ledger.tlog;

import java.util.Objects;

/** The outcome of checking an inclusion or consistency proof: verified, or why not. */
public sealed interface ProofCheck permits ProofCheck.Verified, ProofCheck.Rejected {

    /** Why a proof was rejected. */
    enum Reason {
        /** The leaf index is not below the tree size, or a size is negative. */
        INDEX_OUT_OF_RANGE,
        /** The new tree is smaller than the old one: a rollback. */
        SIZE_DECREASED,
        /** The proof has more or fewer hashes than the tree shape requires. */
        WRONG_PATH_LENGTH,
        /** The hashes do not combine to the expected (new) root. */
        ROOT_MISMATCH,
        /** The hashes do not combine to the old root of a consistency proof. */
        OLD_ROOT_MISMATCH
    }

    /** The proof holds. */
    record Verified() implements ProofCheck {
    }

    /** The proof does not hold. */
    record Rejected(Reason reason, String detail) implements ProofCheck {
        /** Requires both fields. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** True only for {@link Verified}. */
    default boolean verified() {
        return this instanceof Verified;
    }
}

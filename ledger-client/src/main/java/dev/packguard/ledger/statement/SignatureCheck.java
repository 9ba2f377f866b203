package dev.packguard.ledger.statement;

import java.util.Objects;

/** Whether an entry's signature verifies with a given key. */
public sealed interface SignatureCheck {
    /** The signature verifies with the key {@code keyId}. */
    record Good(KeyId keyId) implements SignatureCheck {
        /** Requires the key id. */
        public Good {
            Objects.requireNonNull(keyId, "keyId");
        }
    }

    /** The signature does not verify. */
    record Bad(Reason reason) implements SignatureCheck {
        /** Requires the reason. */
        public Bad {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a signature does not verify. */
    enum Reason {
        /** The entry's {@code alg} is not the key's algorithm. */
        WRONG_ALGORITHM,
        /** The entry's {@code keyId} names another key. */
        WRONG_KEY,
        /** The signature is not over these bytes by this key (forged, altered, or malformed). */
        SIGNATURE_MISMATCH
    }
}

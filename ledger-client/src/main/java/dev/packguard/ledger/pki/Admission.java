package dev.packguard.ledger.pki;

import dev.packguard.ledger.statement.KeyId;
import java.time.Instant;
import java.util.Objects;

/** What {@link PartyDirectory#admit} did with one log entry. */
public sealed interface Admission {
    /** A registration was accepted: the key is certified from now on (within its certificate). */
    record Registered(PartyCertificate certificate) implements Admission {
        /** Requires the certificate. */
        public Registered {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /** A revocation was accepted; {@code effectiveTime} is the earliest one on record for the key. */
    record Revoked(KeyId keyId, Instant effectiveTime) implements Admission {
        /** Requires every field. */
        public Revoked {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(effectiveTime, "effectiveTime");
        }
    }

    /** A registration or revocation that changes nothing: recorded as invalid, ignored by the rules. */
    record Refused(Reason reason, String detail) implements Admission {
        /** Requires every field. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Not a directory statement (an event); the directory ignores it. */
    record NotApplicable() implements Admission {}

    /** Why a directory statement was refused. */
    enum Reason {
        /** The embedded certificate cannot be parsed as a party certificate. */
        CERTIFICATE_UNUSABLE,
        /** The certificate does not chain to the root, or is not valid at the statement's eventTime. */
        CERTIFICATE_NOT_TRUSTED,
        /** party, role, companyPrefixes or glns differ from what the certificate certifies. */
        DIFFERS_FROM_CERTIFICATE,
        /** The key was registered before; the first registration stands. */
        ALREADY_REGISTERED,
        /** A revocation names a key that is not registered for its party. */
        UNKNOWN_KEY,
        /** The signer may not make this statement, or the signature does not verify. */
        NOT_AUTHORIZED
    }
}

package dev.packguard.ledger.pki;

import java.util.Objects;
import java.util.OptionalLong;

/** Whether a key may speak for a party in a role at a time (and, for an entry, whether its signature verifies). */
public sealed interface Authorization {
    /**
     * Yes: the key is certified by the consortium root for the party and role at that time and not revoked.
     *
     * @param registrationIndex log index of the registration that introduced the key
     */
    record Authorized(PartyCertificate certificate, long registrationIndex) implements Authorization {
        /** Requires the certificate. */
        public Authorized {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /**
     * No, for {@code failure}.
     *
     * @param evidenceIndex the log index of the entry that decided it (the revocation, the registration), if any
     */
    record Unauthorized(Failure failure, String detail, OptionalLong evidenceIndex) implements Authorization {
        /** Requires every field. */
        public Unauthorized {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(evidenceIndex, "evidenceIndex");
        }
    }

    /** Why a key is not trusted for a statement. */
    enum Failure {
        /** No admitted registration for this key id: uncertified. */
        UNKNOWN_KEY,
        /** The key is certified for a different party. */
        OTHER_PARTY,
        /** The key's certified role may not make this statement. */
        WRONG_ROLE,
        /** The certificate is not valid at the time (expired, not yet valid, root expired). */
        CERTIFICATE_NOT_VALID,
        /** A revocation took effect at or before the time. */
        REVOKED,
        /** The signature does not verify with the certified key (forged or altered entry). */
        BAD_SIGNATURE
    }
}

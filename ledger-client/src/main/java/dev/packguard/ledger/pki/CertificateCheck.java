package dev.packguard.ledger.pki;

import java.util.Objects;

/** Whether a party certificate chains to the consortium root and is usable at a given time. */
public sealed interface CertificateCheck {
    /** Issued by the root, signature valid, within both validity periods, an end-entity signing key. */
    record Valid(PartyCertificate certificate) implements CertificateCheck {
        /** Requires the certificate. */
        public Valid {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /** Not trusted, for {@code reason}. */
    record Invalid(Reason reason) implements CertificateCheck {
        /** Requires the reason. */
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a certificate is not trusted. */
    enum Reason {
        /** The issuer name is not the root's subject. */
        WRONG_ISSUER,
        /** The root's key did not sign it (forged or altered). */
        BAD_SIGNATURE,
        /** The time is before notBefore. */
        NOT_YET_VALID,
        /** The time is after notAfter. */
        EXPIRED,
        /** The time is outside the root certificate's own validity. */
        ROOT_NOT_VALID,
        /** basicConstraints cA is set, or keyUsage is missing, not critical, or lacks digitalSignature / has keyCertSign. */
        WRONG_KEY_USAGE
    }
}

package dev.packguard.ledger.pki;

import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.KeyId;
import dev.packguard.ledger.statement.KeyRevocation;
import dev.packguard.ledger.statement.PartyRegistration;
import dev.packguard.ledger.statement.Role;
import dev.packguard.ledger.statement.SignatureCheck;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Who may sign what, built from the log itself: party registrations (certificates issued by the
 * configured {@link ConsortiumRoot}) and key revocations, fed in log order through
 * {@link #admit}. Answers "was key K certified for party P with role R, not revoked, at time T?"
 * ({@link #keyStatus}) and "may this entry's signer make this statement?" ({@link #authorize}).
 *
 * <p>Revocations apply by time <em>and</em> by log position. By time: a revocation admitted later
 * with an earlier effective time also withdraws trust from statements already in the log whose
 * eventTime is at or after it, which is what a key compromise found late requires. By position:
 * whatever eventTime it claims, a statement logged after the revocation is not trusted, because
 * the signer chooses the eventTime and a thief would simply backdate. For the same reason a key
 * that has been revoked can no longer revoke other keys, and a party key cannot revoke with an
 * effective time before its own registration; only the root can reach further back. Not
 * thread-safe: one writer (the mirror's sync) feeds it; readers use it after the sync, or a copy.
 */
public final class PartyDirectory {
    private record Registration(PartyCertificate certificate, long index) {}

    private record Revocation(Instant effectiveTime, long index) {}

    private final ConsortiumRoot root;
    private final Map<KeyId, Registration> registrations = new LinkedHashMap<>();
    private final Map<KeyId, Revocation> revocations = new HashMap<>();

    /** An empty directory trusting certificates issued by {@code root}. */
    public PartyDirectory(ConsortiumRoot root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The configured trust anchor. */
    public ConsortiumRoot root() {
        return root;
    }

    /**
     * Takes in the entry at {@code logIndex} when it is a registration or revocation; events are
     * {@link Admission.NotApplicable}. A refused entry changes nothing (docs/LEDGER.md "Statements").
     *
     * <p>A registration is admitted when its certificate parses, chains to the root and is valid at
     * the eventTime, its fields equal the certificate's, the key is new, and the entry is signed by
     * the certified key itself. A revocation is admitted when it names a key registered for its
     * party and is signed either by the root key or by a key authorized for that party (any role)
     * at the revocation's eventTime.
     */
    public Admission admit(long logIndex, SignedStatement entry) {
        Statement s = entry.statement();
        if (s instanceof PartyRegistration r) {
            return admitRegistration(logIndex, r, entry);
        }
        if (s instanceof KeyRevocation r) {
            return admitRevocation(logIndex, r, entry);
        }
        return new Admission.NotApplicable();
    }

    private Admission admitRegistration(long logIndex, PartyRegistration r, SignedStatement entry) {
        Parse<PartyCertificate> parsed = PartyCertificate.parse(r.certificate());
        if (parsed instanceof Parse.Unusable<PartyCertificate> u) {
            return new Admission.Refused(Admission.Reason.CERTIFICATE_UNUSABLE, u.reason());
        }
        PartyCertificate cert = parsed.orElseThrow();
        if (root.check(cert, r.eventTime()) instanceof CertificateCheck.Invalid invalid) {
            return new Admission.Refused(Admission.Reason.CERTIFICATE_NOT_TRUSTED, invalid.reason().name());
        }
        PartyProfile p = cert.profile();
        if (!p.partyId().equals(r.party()) || p.role() != r.role() || !p.companyPrefixes().equals(r.companyPrefixes())
                || !p.glns().equals(r.glns())) {
            return new Admission.Refused(Admission.Reason.DIFFERS_FROM_CERTIFICATE,
                    "statement says " + r.party() + "/" + r.role().wireName() + ", certificate says " + p.partyId() + "/" + p.role().wireName());
        }
        if (registrations.containsKey(cert.keyId())) {
            return new Admission.Refused(Admission.Reason.ALREADY_REGISTERED,
                    "key " + cert.keyId() + " was registered at index " + registrations.get(cert.keyId()).index());
        }
        if (!(cert.key().verify(entry) instanceof SignatureCheck.Good)) {
            return new Admission.Refused(Admission.Reason.NOT_AUTHORIZED, "not signed by the certified key");
        }
        registrations.put(cert.keyId(), new Registration(cert, logIndex));
        return new Admission.Registered(cert);
    }

    private Admission admitRevocation(long logIndex, KeyRevocation r, SignedStatement entry) {
        Registration target = registrations.get(r.keyId());
        if (target == null || !target.certificate().profile().partyId().equals(r.party())) {
            return new Admission.Refused(Admission.Reason.UNKNOWN_KEY, "key " + r.keyId() + " is not registered for " + r.party());
        }
        boolean byRoot = entry.signature().keyId().equals(root.keyId());
        if (byRoot) {
            if (!root.isValidAt(r.eventTime()) || !(root.key().verify(entry) instanceof SignatureCheck.Good)) {
                return new Admission.Refused(Admission.Reason.NOT_AUTHORIZED, "root signature does not verify");
            }
        } else {
            if (authorize(logIndex, entry) instanceof Authorization.Unauthorized u) {
                return new Admission.Refused(Admission.Reason.NOT_AUTHORIZED, u.failure() + ": " + u.detail());
            }
            Revocation ofSigner = revocations.get(entry.signature().keyId());
            if (ofSigner != null) {
                return new Admission.Refused(Admission.Reason.NOT_AUTHORIZED, "the signing key " + entry.signature().keyId()
                        + " is itself revoked (from " + ofSigner.effectiveTime() + ", index " + ofSigner.index() + ")");
            }
            Instant signerRegistered = registrations.get(entry.signature().keyId()).certificate().notBefore();
            if (r.effectiveTime().isBefore(signerRegistered)) {
                return new Admission.Refused(Admission.Reason.NOT_AUTHORIZED, "a party key cannot revoke from "
                        + r.effectiveTime() + ", before its own certificate (" + signerRegistered + "); only the root can");
            }
        }
        Revocation earlier = revocations.get(r.keyId());
        if (earlier == null || r.effectiveTime().isBefore(earlier.effectiveTime())) {
            revocations.put(r.keyId(), new Revocation(r.effectiveTime(), logIndex));
        }
        return new Admission.Revoked(r.keyId(), revocations.get(r.keyId()).effectiveTime());
    }

    /**
     * Was {@code keyId} certified for {@code party} with one of {@code roles}, within its
     * certificate's validity and not revoked, at {@code at}, for a statement logged at
     * {@code logIndex}? A statement logged after the key's revocation is refused whatever {@code at}.
     */
    public Authorization keyStatus(KeyId keyId, Gln party, Set<Role> roles, Instant at, long logIndex) {
        Registration reg = registrations.get(keyId);
        if (reg == null) {
            return new Authorization.Unauthorized(Authorization.Failure.UNKNOWN_KEY, "no registration for key " + keyId, OptionalLong.empty());
        }
        PartyProfile p = reg.certificate().profile();
        if (!p.partyId().equals(party)) {
            return new Authorization.Unauthorized(Authorization.Failure.OTHER_PARTY,
                    "key " + keyId + " belongs to " + p.partyId() + ", not " + party, OptionalLong.of(reg.index()));
        }
        if (!roles.contains(p.role())) {
            return new Authorization.Unauthorized(Authorization.Failure.WRONG_ROLE,
                    "a " + p.role().wireName() + " key may not make this statement", OptionalLong.of(reg.index()));
        }
        // The chain and key usage were checked when the registration was admitted; only time remains.
        if (root.checkPeriod(reg.certificate(), at) instanceof CertificateCheck.Invalid invalid) {
            return new Authorization.Unauthorized(Authorization.Failure.CERTIFICATE_NOT_VALID,
                    invalid.reason().name() + " at " + at, OptionalLong.of(reg.index()));
        }
        Revocation rev = revocations.get(keyId);
        if (rev != null && !at.isBefore(rev.effectiveTime())) {
            return new Authorization.Unauthorized(Authorization.Failure.REVOKED,
                    "revoked from " + rev.effectiveTime(), OptionalLong.of(rev.index()));
        }
        if (rev != null && logIndex > rev.index()) {
            return new Authorization.Unauthorized(Authorization.Failure.REVOKED, "logged at index " + logIndex
                    + ", after the key's revocation at index " + rev.index() + " (its eventTime " + at
                    + " cannot predate that)", OptionalLong.of(rev.index()));
        }
        return new Authorization.Authorized(reg.certificate(), reg.index());
    }

    /**
     * May the signer of the entry logged at {@code logIndex} make this statement? The signature's
     * key must be authorized for the statement's party, in one of the statement type's signer
     * roles, at its eventTime and log position ({@link #keyStatus}), and the signature must verify
     * with the certified key.
     */
    public Authorization authorize(long logIndex, SignedStatement entry) {
        Statement s = entry.statement();
        Authorization status = keyStatus(entry.signature().keyId(), s.party(), s.signerRoles(), s.eventTime(), logIndex);
        if (status instanceof Authorization.Authorized a && !(a.certificate().key().verify(entry) instanceof SignatureCheck.Good)) {
            return new Authorization.Unauthorized(Authorization.Failure.BAD_SIGNATURE,
                    "signature does not verify with key " + a.certificate().keyId(), OptionalLong.empty());
        }
        return status;
    }

    /** The admitted certificate of {@code keyId}, if that key was ever registered (revoked or not). */
    public java.util.Optional<PartyCertificate> certificate(KeyId keyId) {
        return java.util.Optional.ofNullable(registrations.get(keyId)).map(Registration::certificate);
    }

    /** Every admitted certificate of {@code party}, in log order (its prefixes and GLNs for the rules). */
    public List<PartyCertificate> certificates(Gln party) {
        List<PartyCertificate> out = new ArrayList<>();
        for (Registration r : registrations.values()) {
            if (r.certificate().profile().partyId().equals(party)) {
                out.add(r.certificate());
            }
        }
        return out;
    }
}

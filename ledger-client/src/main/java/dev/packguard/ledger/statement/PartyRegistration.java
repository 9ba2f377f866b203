package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Registers one signing key of a party: the X.509 certificate the consortium CA issued for it,
 * and, repeated in clear for indexers, the party's role, GS1 company prefixes and GLNs. The CA
 * vouches for those in the certificate; a registration whose fields differ from its certificate
 * is refused (dev.packguard.ledger.pki.PartyDirectory). It is signed by the certified key itself
 * (proof of possession).
 *
 * @param certificate DER, at most {@link #MAX_CERTIFICATE_BYTES}
 */
public record PartyRegistration(Gln party, Instant eventTime, Role role, List<CompanyPrefix> companyPrefixes,
        List<Gln> glns, byte[] certificate) implements Statement {
    /** Wire name of the type. */
    public static final String TYPE = "party_registration";
    /** A party certificate is a few hundred bytes; this bound keeps hostile ones small. */
    public static final int MAX_CERTIFICATE_BYTES = 8192;
    /** Most company prefixes one registration may list. */
    public static final int MAX_COMPANY_PREFIXES = 64;
    /** Most GLNs one registration may list. */
    public static final int MAX_GLNS = 256;

    /** Sorts the sets; rejects duplicates and an empty or oversized certificate. */
    public PartyRegistration {
        Checks.header(party, eventTime);
        Objects.requireNonNull(role, "role");
        companyPrefixes = Checks.set(companyPrefixes, "companyPrefixes");
        glns = Checks.set(glns, "glns");
        if (companyPrefixes.size() > MAX_COMPANY_PREFIXES || glns.size() > MAX_GLNS) {
            throw new IllegalArgumentException("at most " + MAX_COMPANY_PREFIXES + " company prefixes and " + MAX_GLNS + " GLNs");
        }
        Objects.requireNonNull(certificate, "certificate");
        if (certificate.length == 0 || certificate.length > MAX_CERTIFICATE_BYTES) {
            throw new IllegalArgumentException("certificate must be 1.." + MAX_CERTIFICATE_BYTES + " bytes");
        }
        certificate = certificate.clone();
    }

    /** A copy of the certificate DER. */
    @Override
    public byte[] certificate() {
        return certificate.clone();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<Role> signerRoles() {
        return Set.of(role);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartyRegistration r && party.equals(r.party) && eventTime.equals(r.eventTime)
                && role == r.role && companyPrefixes.equals(r.companyPrefixes) && glns.equals(r.glns)
                && Arrays.equals(certificate, r.certificate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(party, eventTime, role, companyPrefixes, glns, Arrays.hashCode(certificate));
    }

    @Override
    public String toString() {
        return "PartyRegistration[party=" + party + ", eventTime=" + eventTime + ", role=" + role
                + ", companyPrefixes=" + companyPrefixes + ", glns=" + glns + ", certificate=" + certificate.length + " bytes]";
    }
}

package dev.packguard.ledger.pki;

import dev.packguard.ledger.statement.KeyId;
import dev.packguard.ledger.statement.VerifyingKey;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A party's X.509 v3 certificate (RFC 5280), parsed once from DER: the certified
 * {@link PartyProfile} (from the critical {@link PartyProfileExtension}), the subject's
 * statement-signing key and the validity period. Parsing does not decide trust; that is
 * {@link ConsortiumRoot#check(PartyCertificate, Instant)}.
 */
public final class PartyCertificate {
    private final byte[] der;
    private final X509CertificateHolder holder;
    private final PartyProfile profile;
    private final VerifyingKey key;

    private PartyCertificate(byte[] der, X509CertificateHolder holder, PartyProfile profile, VerifyingKey key) {
        this.der = der;
        this.holder = holder;
        this.profile = profile;
        this.key = key;
    }

    /**
     * The party certificate in {@code der}, or why it is unusable: not canonical DER, not v3, a key
     * that is neither Ed25519 nor P-256, no (or a malformed) party extension, or a subject whose
     * serialNumber is not the extension's party id.
     */
    public static Parse<PartyCertificate> parse(byte[] der) {
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(der);
            if (!Arrays.equals(holder.getEncoded(), der)) {
                return new Parse.Unusable<>("not canonical DER");
            }
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports malformed ASN.1 with assorted runtime exceptions.
            return new Parse.Unusable<>("not an X.509 certificate");
        }
        if (holder.getVersionNumber() != 3) {
            return new Parse.Unusable<>("not an X.509 v3 certificate");
        }
        Optional<VerifyingKey> key;
        try {
            key = VerifyingKey.fromSubjectPublicKeyInfo(holder.getSubjectPublicKeyInfo().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            return new Parse.Unusable<>("unreadable subject public key");
        }
        if (key.isEmpty()) {
            return new Parse.Unusable<>("subject key is neither Ed25519 nor P-256");
        }
        Extension ext = holder.getExtension(PartyProfileExtension.OID);
        if (ext == null || !ext.isCritical()) {
            return new Parse.Unusable<>("no critical PackGuard party extension");
        }
        Optional<String> name = attribute(holder.getSubject(), "CN");
        Optional<String> serialNumber = attribute(holder.getSubject(), "SERIALNUMBER");
        if (name.isEmpty() || serialNumber.isEmpty()) {
            return new Parse.Unusable<>("subject needs exactly one CN and one serialNumber");
        }
        Optional<PartyProfile> profile;
        try {
            profile = PartyProfileExtension.decode(ASN1OctetString.getInstance(ext.getExtnValue()).getOctets(), name.get());
        } catch (RuntimeException e) {
            profile = Optional.empty();
        }
        if (profile.isEmpty()) {
            return new Parse.Unusable<>("malformed PackGuard party extension");
        }
        if (!serialNumber.get().equals(profile.get().partyId().digits())) {
            return new Parse.Unusable<>("subject serialNumber differs from the certified party id");
        }
        return new Parse.Parsed<>(new PartyCertificate(der.clone(), holder, profile.get(), key.get()));
    }

    private static Optional<String> attribute(X500Name name, String attribute) {
        try {
            RDN[] rdns = name.getRDNs(BCStyle.INSTANCE.attrNameToOID(attribute));
            if (rdns.length != 1 || rdns[0].isMultiValued()) {
                return Optional.empty();
            }
            if (!(rdns[0].getFirst().getValue() instanceof ASN1String text)) {
                return Optional.empty();
            }
            String value = text.getString();
            if (value.isEmpty() || value.length() > 64 || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What the CA certified about the party. */
    public PartyProfile profile() {
        return profile;
    }

    /** The certified statement-signing key. */
    public VerifyingKey key() {
        return key;
    }

    /** Shorthand for {@code key().keyId()}. */
    public KeyId keyId() {
        return key.keyId();
    }

    /** Start of the validity period (RFC 5280 §4.1.2.5, inclusive). */
    public Instant notBefore() {
        return holder.getNotBefore().toInstant();
    }

    /** End of the validity period (inclusive). */
    public Instant notAfter() {
        return holder.getNotAfter().toInstant();
    }

    /** The certificate serial number. */
    public BigInteger serialNumber() {
        return holder.getSerialNumber();
    }

    /** A copy of the DER bytes. */
    public byte[] encoded() {
        return der.clone();
    }

    X509CertificateHolder holder() {
        return holder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartyCertificate c && Arrays.equals(der, c.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "PartyCertificate[" + profile.partyId() + " " + profile.role().wireName() + " \"" + profile.name()
                + "\", keyId=" + keyId() + "]";
    }
}

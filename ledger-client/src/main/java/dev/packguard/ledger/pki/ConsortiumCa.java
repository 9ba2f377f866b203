package dev.packguard.ledger.pki;

import dev.packguard.ledger.statement.KeyId;
import dev.packguard.ledger.statement.SignatureAlgorithm;
import dev.packguard.ledger.statement.SigningKey;
import dev.packguard.ledger.statement.VerifyingKey;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The consortium certificate authority: a self-signed root that issues party certificates
 * (RFC 5280 profile in docs/LEDGER.md "Statements", party certificates). With an Ed25519 root key the output
 * is byte-for-byte reproducible from the same inputs; an ECDSA root signs with random nonces.
 */
public final class ConsortiumCa {
    private static final BouncyCastleProvider BC = BouncyCastle.PROVIDER;

    private final SigningKey key;
    private final X500Name subject;
    private final ConsortiumRoot root;

    private ConsortiumCa(SigningKey key, X500Name subject, ConsortiumRoot root) {
        this.key = key;
        this.subject = subject;
        this.root = root;
    }

    /**
     * Creates the root certificate: subject {@code CN=name}, serial 1, critical basicConstraints
     * cA=true, critical keyUsage keyCertSign + cRLSign + digitalSignature (the root key also signs
     * consortium revocation statements), subjectKeyIdentifier = the {@link KeyId} bytes.
     */
    public static ConsortiumCa create(String name, SigningKey key, Instant notBefore, Instant notAfter) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
        byte[] spki = key.verifyingKey().subjectPublicKeyInfo();
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(subject, BigInteger.ONE, Date.from(notBefore),
                Date.from(notAfter), subject, SubjectPublicKeyInfo.getInstance(spki));
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(KeyId.identifierBytes(spki)));
        } catch (CertIOException e) {
            throw new IllegalStateException("encoding standard extensions", e);
        }
        byte[] der = sign(b, key);
        return new ConsortiumCa(key, subject, ConsortiumRoot.parse(der).orElseThrow());
    }

    /**
     * Issues a party certificate for {@code subjectKey}: subject {@code CN=name, serialNumber=PGLN},
     * serial = the 16 key-id bytes as a positive integer, critical basicConstraints cA=false,
     * critical keyUsage digitalSignature, subject and authority key identifiers, and the critical
     * {@link PartyProfileExtension}.
     */
    public PartyCertificate issue(PartyProfile profile, VerifyingKey subjectKey, Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(profile, "profile");
        X500Name partySubject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, profile.name())
                .addRDN(BCStyle.SERIALNUMBER, profile.partyId().digits())
                .build();
        byte[] spki = subjectKey.subjectPublicKeyInfo();
        byte[] keyIdBytes = KeyId.identifierBytes(spki);
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(subject, new BigInteger(1, keyIdBytes),
                Date.from(notBefore), Date.from(notAfter), partySubject, SubjectPublicKeyInfo.getInstance(spki));
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyIdBytes));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new AuthorityKeyIdentifier(KeyId.identifierBytes(key.verifyingKey().subjectPublicKeyInfo())));
            b.addExtension(PartyProfileExtension.OID, true, new DEROctetString(PartyProfileExtension.encode(profile)).getOctets());
        } catch (CertIOException e) {
            throw new IllegalStateException("encoding extensions", e);
        }
        return PartyCertificate.parse(sign(b, key)).orElseThrow();
    }

    /** The trust anchor stations configure. */
    public ConsortiumRoot root() {
        return root;
    }

    /** The root's signing key (issues certificates; signs consortium revocations). */
    public SigningKey key() {
        return key;
    }

    private static byte[] sign(X509v3CertificateBuilder builder, SigningKey key) {
        try {
            PrivateKey privateKey = key.toJcaKeyPair(BC).getPrivate();
            String alg = key.algorithm() == SignatureAlgorithm.ED25519 ? "Ed25519" : "SHA256withECDSA";
            ContentSigner signer = new JcaContentSignerBuilder(alg).setProvider(BC).build(privateKey);
            return builder.build(signer).getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("Bouncy Castle signs with its own key types", e);
        }
    }
}

package dev.packguard.ledger.pki;

import dev.packguard.ledger.statement.KeyId;
import dev.packguard.ledger.statement.VerifyingKey;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * The configured trust anchor: the consortium CA's self-signed root certificate. Validates party
 * certificates issued directly by it (a path of length one, RFC 5280 §6.1 reduced to what the
 * consortium issues): the certificates are read with Bouncy Castle, their signatures (Ed25519,
 * ECDSA P-256 with SHA-256) checked by the JDK's own providers (SunEC). Bouncy Castle's JCA
 * provider would do the same, but building it registers every algorithm it has, a second of
 * class loading in a station's start. Immutable and thread-safe.
 */
public final class ConsortiumRoot {

    private final X509CertificateHolder holder;
    private final VerifyingKey key;
    private final ContentVerifierProvider verifier;

    private ConsortiumRoot(X509CertificateHolder holder, VerifyingKey key, ContentVerifierProvider verifier) {
        this.holder = holder;
        this.key = key;
        this.verifier = verifier;
    }

    /**
     * The root in {@code der}, or why it cannot anchor trust: not canonical DER, not a CA
     * (basicConstraints cA and keyUsage keyCertSign, both critical), a key other than Ed25519 or
     * P-256, or a self-signature that does not verify.
     */
    public static Parse<ConsortiumRoot> parse(byte[] der) {
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(der);
            if (!Arrays.equals(holder.getEncoded(), der)) {
                return new Parse.Unusable<>("not canonical DER");
            }
        } catch (IOException | RuntimeException e) {
            return new Parse.Unusable<>("not an X.509 certificate");
        }
        Optional<VerifyingKey> key;
        try {
            key = VerifyingKey.fromSubjectPublicKeyInfo(holder.getSubjectPublicKeyInfo().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            key = Optional.empty();
        }
        if (key.isEmpty()) {
            return new Parse.Unusable<>("root key is neither Ed25519 nor P-256");
        }
        Extension bc = holder.getExtension(Extension.basicConstraints);
        Extension ku = holder.getExtension(Extension.keyUsage);
        if (bc == null || !bc.isCritical() || !BasicConstraints.getInstance(bc.getParsedValue()).isCA()
                || ku == null || !ku.isCritical() || !KeyUsage.getInstance(ku.getParsedValue()).hasUsages(KeyUsage.keyCertSign)) {
            return new Parse.Unusable<>("not a CA certificate (critical basicConstraints cA and keyUsage keyCertSign)");
        }
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder().build(holder);
            if (!holder.getIssuer().equals(holder.getSubject()) || !holder.isSignatureValid(verifier)) {
                return new Parse.Unusable<>("not self-signed");
            }
            return new Parse.Parsed<>(new ConsortiumRoot(holder, key.get(), verifier));
        } catch (OperatorCreationException | CertException | CertificateException | RuntimeException e) {
            return new Parse.Unusable<>("self-signature cannot be checked: " + e.getMessage());
        }
    }

    /**
     * Whether {@code certificate} is trusted at {@code at}: issuer is this root, the root's signature
     * verifies, {@code at} lies within both validity periods (inclusive), and it is an end-entity
     * signing key (basicConstraints absent or cA false; critical keyUsage with digitalSignature and
     * without keyCertSign).
     */
    public CertificateCheck check(PartyCertificate certificate, Instant at) {
        Objects.requireNonNull(at, "at");
        X509CertificateHolder cert = certificate.holder();
        if (!cert.getIssuer().equals(holder.getSubject())) {
            return new CertificateCheck.Invalid(CertificateCheck.Reason.WRONG_ISSUER);
        }
        try {
            if (!cert.isSignatureValid(verifier)) {
                return new CertificateCheck.Invalid(CertificateCheck.Reason.BAD_SIGNATURE);
            }
        } catch (CertException | RuntimeException e) {
            return new CertificateCheck.Invalid(CertificateCheck.Reason.BAD_SIGNATURE);
        }
        if (!endEntitySigningKey(cert)) {
            return new CertificateCheck.Invalid(CertificateCheck.Reason.WRONG_KEY_USAGE);
        }
        return checkPeriod(certificate, at);
    }

    /**
     * Only the time part of {@link #check}: {@code at} within the root's and the certificate's
     * validity periods (inclusive). For certificates that already passed {@link #check} once, so
     * the per-statement cost is two comparisons rather than a signature verification.
     */
    public CertificateCheck checkPeriod(PartyCertificate certificate, Instant at) {
        if (!isValidAt(at)) {
            return new CertificateCheck.Invalid(CertificateCheck.Reason.ROOT_NOT_VALID);
        }
        if (at.isBefore(certificate.notBefore())) {
            return new CertificateCheck.Invalid(CertificateCheck.Reason.NOT_YET_VALID);
        }
        if (at.isAfter(certificate.notAfter())) {
            return new CertificateCheck.Invalid(CertificateCheck.Reason.EXPIRED);
        }
        return new CertificateCheck.Valid(certificate);
    }

    private static boolean endEntitySigningKey(X509CertificateHolder cert) {
        try {
            Extension bc = cert.getExtension(Extension.basicConstraints);
            if (bc != null && BasicConstraints.getInstance(bc.getParsedValue()).isCA()) {
                return false;
            }
            Extension ku = cert.getExtension(Extension.keyUsage);
            if (ku == null || !ku.isCritical()) {
                return false;
            }
            KeyUsage usage = KeyUsage.getInstance(ku.getParsedValue());
            return usage.hasUsages(KeyUsage.digitalSignature) && !usage.hasUsages(KeyUsage.keyCertSign);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True when {@code at} is within the root certificate's validity period. */
    public boolean isValidAt(Instant at) {
        return !at.isBefore(holder.getNotBefore().toInstant()) && !at.isAfter(holder.getNotAfter().toInstant());
    }

    /** The root's key; it also signs consortium revocations. */
    public VerifyingKey key() {
        return key;
    }

    /** Shorthand for {@code key().keyId()}. */
    public KeyId keyId() {
        return key.keyId();
    }

    /** A copy of the root certificate's DER. */
    public byte[] encoded() {
        try {
            return holder.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("re-encoding a parsed certificate", e);
        }
    }
}

package dev.packguard.ledger.statement;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.BigIntegers;

/**
 * A party's private signing key (Ed25519 or ECDSA P-256) through Bouncy Castle. Signatures are
 * deterministic: Ed25519 by design (RFC 8032 §5.1.6), ECDSA with RFC 6979 nonces and the low-S
 * form, so the same statement signed twice gives the same entry bytes.
 */
public final class SigningKey {
    /** P-256 (secp256r1) domain parameters, SEC 2 §2.4.2. */
    static final ECNamedDomainParameters P256 = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1,
            ECNamedCurveTable.getByName("P-256"));

    private final SignatureAlgorithm algorithm;
    private final AsymmetricKeyParameter privateKey;
    private final VerifyingKey verifyingKey;

    private SigningKey(SignatureAlgorithm algorithm, AsymmetricKeyParameter privateKey, AsymmetricKeyParameter publicKey) {
        this.algorithm = algorithm;
        this.privateKey = privateKey;
        try {
            byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded(ASN1Encoding.DER);
            this.verifyingKey = VerifyingKey.fromSubjectPublicKeyInfo(spki).orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("encoding a public key we just derived", e);
        }
    }

    /** The Ed25519 key whose 32-byte private key (RFC 8032 §5.1.5 "seed") is {@code seed}. */
    public static SigningKey ed25519FromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(seed, 0);
        return new SigningKey(SignatureAlgorithm.ED25519, key, key.generatePublicKey());
    }

    /**
     * A P-256 key derived from {@code seed}: d = (SHA-256("packguard/p256-key/v1" || 0x0A || seed)
     * mod (n − 1)) + 1. For fixtures and demo worlds that must be reproducible; production keys
     * come from {@link #generate}.
     */
    public static SigningKey p256FromSeed(byte[] seed) {
        SHA256Digest sha = new SHA256Digest();
        byte[] label = "packguard/p256-key/v1\n".getBytes(StandardCharsets.US_ASCII);
        sha.update(label, 0, label.length);
        sha.update(seed, 0, seed.length);
        byte[] h = new byte[32];
        sha.doFinal(h, 0);
        BigInteger n = P256.getN();
        BigInteger d = new BigInteger(1, h).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        return p256(d);
    }

    /** A fresh key from {@code random}. */
    public static SigningKey generate(SignatureAlgorithm algorithm, SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        if (algorithm == SignatureAlgorithm.ED25519) {
            return ed25519FromSeed(seed);
        }
        return p256(BigIntegers.createRandomInRange(BigInteger.ONE, P256.getN().subtract(BigInteger.ONE), random));
    }

    /**
     * The key in a PKCS#8 PrivateKeyInfo (RFC 5208 §5, RFC 5958 §2), DER: an Ed25519 key (RFC 8410
     * §7) or an EC key on P-256 (RFC 5915 inside PKCS#8, named curve secp256r1). Empty for anything
     * else (other curves, RSA, trailing bytes, not DER), so a wrong file is refused, never guessed at.
     */
    public static Optional<SigningKey> fromPkcs8(byte[] der) {
        Objects.requireNonNull(der, "der");
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (!Arrays.equals(info.getEncoded(ASN1Encoding.DER), der)) {
                return Optional.empty(); // BER or trailing bytes: not the one canonical encoding
            }
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(info);
            if (key instanceof Ed25519PrivateKeyParameters ed) {
                return Optional.of(new SigningKey(SignatureAlgorithm.ED25519, ed, ed.generatePublicKey()));
            }
            if (key instanceof ECPrivateKeyParameters ec && ec.getParameters().getCurve().equals(P256.getCurve())
                    && ec.getParameters().getG().equals(P256.getG()) && ec.getParameters().getN().equals(P256.getN())) {
                BigInteger d = ec.getD();
                if (d.signum() > 0 && d.compareTo(P256.getN()) < 0) {
                    return Optional.of(p256(d));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports malformed ASN.1 with IOException or IllegalArgumentException.
            return Optional.empty();
        }
    }

    /** The P-256 key with private scalar {@code d}, 1 ≤ d &lt; n; for known-answer tests. */
    static SigningKey p256(BigInteger d) {
        return new SigningKey(SignatureAlgorithm.ES256, new ECPrivateKeyParameters(d, P256),
                new ECPublicKeyParameters(P256.getG().multiply(d).normalize(), P256));
    }

    /** Which algorithm this key signs with. */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** The public half. */
    public VerifyingKey verifyingKey() {
        return verifyingKey;
    }

    /** The id of the public key. */
    public KeyId keyId() {
        return verifyingKey.keyId();
    }

    /** Signs {@link StatementCodec#signingInput(Statement)} and returns the entry. */
    public SignedStatement sign(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        byte[] value = signRaw(StatementCodec.signingInput(statement));
        return new SignedStatement(statement, new StatementSignature(algorithm, keyId(), value));
    }

    /** A 64-byte signature over {@code message}: Ed25519 (RFC 8032 §5.1.6) or ES256 r || s, low-S. */
    public byte[] signRaw(byte[] message) {
        if (algorithm == SignatureAlgorithm.ED25519) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, privateKey);
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateKey);
        BigInteger[] rs = signer.generateSignature(VerifyingKey.sha256(message));
        BigInteger n = P256.getN();
        BigInteger s = rs[1].compareTo(n.shiftRight(1)) > 0 ? n.subtract(rs[1]) : rs[1];
        byte[] out = new byte[64];
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, rs[0]), 0, out, 0, 32);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, out, 32, 32);
        return out;
    }

    /**
     * The key as a JCA key pair from Bouncy Castle's provider, for building X.509 certificates
     * ({@code dev.packguard.ledger.pki.ConsortiumCa}).
     */
    public KeyPair toJcaKeyPair(BouncyCastleProvider provider) {
        try {
            KeyFactory factory = KeyFactory.getInstance(algorithm == SignatureAlgorithm.ED25519 ? "Ed25519" : "EC", provider);
            byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded(ASN1Encoding.DER);
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(verifyingKey.subjectPublicKeyInfo())),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle converts its own key types", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + algorithm.wireName() + ", keyId=" + keyId() + "]";
    }
}

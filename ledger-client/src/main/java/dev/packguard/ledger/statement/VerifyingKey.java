package dev.packguard.ledger.statement;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * A public key that verifies statement signatures: Ed25519 or ECDSA P-256, parsed once from its
 * SubjectPublicKeyInfo DER (RFC 5280 §4.1.2.7; RFC 8410 §4 for Ed25519, RFC 5480 §2 for P-256
 * with the namedCurve form only).
 */
public final class VerifyingKey {
    private final SignatureAlgorithm algorithm;
    private final AsymmetricKeyParameter key;
    private final byte[] spki;
    private final KeyId keyId;

    private VerifyingKey(SignatureAlgorithm algorithm, AsymmetricKeyParameter key, byte[] spki) {
        this.algorithm = algorithm;
        this.key = key;
        this.spki = spki;
        this.keyId = KeyId.ofSubjectPublicKeyInfo(spki);
    }

    /** The key in {@code spkiDer}, or empty when it is not canonical DER of an Ed25519 or P-256 key. */
    public static Optional<VerifyingKey> fromSubjectPublicKeyInfo(byte[] spkiDer) {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spkiDer);
            if (!Arrays.equals(info.getEncoded(ASN1Encoding.DER), spkiDer)) {
                return Optional.empty();
            }
            ASN1ObjectIdentifier alg = info.getAlgorithm().getAlgorithm();
            if (alg.equals(EdECObjectIdentifiers.id_Ed25519) && info.getAlgorithm().getParameters() == null) {
                return Optional.of(new VerifyingKey(SignatureAlgorithm.ED25519, PublicKeyFactory.createKey(info), spkiDer.clone()));
            }
            if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)
                    && SECObjectIdentifiers.secp256r1.equals(info.getAlgorithm().getParameters())) {
                return Optional.of(new VerifyingKey(SignatureAlgorithm.ES256, PublicKeyFactory.createKey(info), spkiDer.clone()));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle's ASN.1 parser reports malformed input with assorted runtime exceptions.
            return Optional.empty();
        }
    }

    /** The algorithm of the key. */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** The key id (SHA-256 of the SubjectPublicKeyInfo, see {@link KeyId}). */
    public KeyId keyId() {
        return keyId;
    }

    /** A copy of the SubjectPublicKeyInfo DER. */
    public byte[] subjectPublicKeyInfo() {
        return spki.clone();
    }

    /**
     * Checks the entry's signature with this key: algorithm and key id must name this key, and the
     * signature must verify over {@link StatementCodec#signingInput(Statement)}.
     */
    public SignatureCheck verify(SignedStatement entry) {
        StatementSignature sig = entry.signature();
        if (sig.alg() != algorithm) {
            return new SignatureCheck.Bad(SignatureCheck.Reason.WRONG_ALGORITHM);
        }
        if (!sig.keyId().equals(keyId)) {
            return new SignatureCheck.Bad(SignatureCheck.Reason.WRONG_KEY);
        }
        return verifyRaw(StatementCodec.signingInput(entry.statement()), sig.value())
                ? new SignatureCheck.Good(keyId)
                : new SignatureCheck.Bad(SignatureCheck.Reason.SIGNATURE_MISMATCH);
    }

    /**
     * True when {@code signature} is a valid signature of {@code message} by this key. ES256 takes
     * r || s (32 bytes each) and refuses s &gt; n/2, so no entry has a second, malleated form.
     */
    public boolean verifyRaw(byte[] message, byte[] signature) {
        if (signature.length != SignatureAlgorithm.SIGNATURE_BYTES) {
            return false;
        }
        if (algorithm == SignatureAlgorithm.ED25519) {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, key);
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        }
        BigInteger n = SigningKey.P256.getN();
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        if (r.signum() == 0 || r.compareTo(n) >= 0 || s.signum() == 0 || s.compareTo(n.shiftRight(1)) > 0) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(sha256(message), r, s);
    }

    static byte[] sha256(byte[] message) {
        SHA256Digest sha = new SHA256Digest();
        sha.update(message, 0, message.length);
        byte[] out = new byte[32];
        sha.doFinal(out, 0);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifyingKey k && Arrays.equals(spki, k.spki);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(spki);
    }

    @Override
    public String toString() {
        return "VerifyingKey[" + algorithm.wireName() + ", keyId=" + keyId + "]";
    }
}

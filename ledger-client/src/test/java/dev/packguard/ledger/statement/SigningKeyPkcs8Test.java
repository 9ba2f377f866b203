package dev.packguard.ledger.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reading a party's signing key from PKCS#8, the form station.signingKey files hold. */
class SigningKeyPkcs8Test {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    @Test
    void fromPkcs8_readsTheRfc8410Example() throws Exception {
        // RFC 8410 §10.3: the example Ed25519 private key and its 32-byte private key (seed).
        byte[] der = Base64.getDecoder().decode("MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC");
        SigningKey expected = SigningKey.ed25519FromSeed(HexFormat.of()
                .parseHex("d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842"));
        SigningKey key = SigningKey.fromPkcs8(der).orElseThrow();
        assertThat(key.algorithm()).isEqualTo(SignatureAlgorithm.ED25519);
        assertThat(key.keyId()).isEqualTo(expected.keyId());
        byte[] message = {1, 2, 3};
        assertThat(key.signRaw(message)).isEqualTo(expected.signRaw(message));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void fromPkcs8_roundTripsTheJdkEncodingOfEitherAlgorithm(SignatureAlgorithm algorithm) {
        SigningKey original = SigningKey.generate(algorithm, new SecureRandom());
        byte[] pkcs8 = original.toJcaKeyPair(BC).getPrivate().getEncoded();
        SigningKey read = SigningKey.fromPkcs8(pkcs8).orElseThrow();
        assertThat(read.algorithm()).isEqualTo(algorithm);
        assertThat(read.keyId()).isEqualTo(original.keyId());
        Statement s = new KeyRevocation(new Gln("4000001000005"), java.time.Instant.parse("2026-01-01T00:00:00Z"),
                original.keyId(), java.time.Instant.parse("2026-01-01T00:00:00Z"), RevocationReason.values()[0]);
        assertThat(read.sign(s)).isEqualTo(original.sign(s));
    }

    @Test
    void fromPkcs8_refusesOtherCurvesRsaGarbageAndTrailingBytes() throws Exception {
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        byte[] ed = SigningKey.generate(SignatureAlgorithm.ED25519, new SecureRandom()).toJcaKeyPair(BC).getPrivate().getEncoded();

        assertThat(SigningKey.fromPkcs8(p384.generateKeyPair().getPrivate().getEncoded())).isEmpty();
        assertThat(SigningKey.fromPkcs8(rsa.generateKeyPair().getPrivate().getEncoded())).isEmpty();
        assertThat(SigningKey.fromPkcs8(new byte[] {0x30, 0x03, 0x02, 0x01})).isEmpty();
        assertThat(SigningKey.fromPkcs8(new byte[0])).isEmpty();
        assertThat(SigningKey.fromPkcs8(Arrays.copyOf(ed, ed.length + 1))).isEmpty();
        assertThat(SigningKey.fromPkcs8(ed)).isPresent();
    }
}

package dev.packguard.ledger.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Published test vectors for the primitives statements are built on. */
class KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void ed25519_signsRfc8032TestVector1() {
        // RFC 8032 §7.1, TEST 1: empty message.
        SigningKey key = SigningKey.ed25519FromSeed(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        byte[] signature = key.signRaw(new byte[0]);
        assertThat(HEX.formatHex(signature)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065"
                + "224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(HEX.formatHex(key.verifyingKey().subjectPublicKeyInfo()))
                .endsWith("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(key.verifyingKey().verifyRaw(new byte[0], signature)).isTrue();
        assertThat(key.verifyingKey().verifyRaw(new byte[] {0}, signature)).isFalse();
    }

    @Test
    void es256_signsRfc6979VectorInLowSForm() {
        // RFC 6979 §A.2.5, P-256 with SHA-256, message "sample" (deterministic k).
        BigInteger d = new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16);
        SigningKey key = SigningKey.p256(d);
        byte[] message = "sample".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = key.signRaw(message);
        BigInteger n = SigningKey.P256.getN();
        BigInteger s = new BigInteger("F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8", 16);
        assertThat(HEX.formatHex(signature, 0, 32)).isEqualToIgnoringCase("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716");
        // The vector's s is above n/2; statements carry n - s (low-S), the other valid form.
        assertThat(new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64))).isEqualTo(n.subtract(s));
        assertThat(key.verifyingKey().verifyRaw(message, signature)).isTrue();
    }

    @Test
    void es256_rejectsHighSFormOfAValidSignature() {
        SigningKey key = SigningKey.p256FromSeed(new byte[32]);
        byte[] message = "statement".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = key.signRaw(message);
        BigInteger n = SigningKey.P256.getN();
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        byte[] highS = signature.clone();
        System.arraycopy(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, n.subtract(s)), 0, highS, 32, 32);
        assertThat(key.verifyingKey().verifyRaw(message, signature)).isTrue();
        assertThat(key.verifyingKey().verifyRaw(message, highS)).isFalse();
    }

    @Test
    void decode_refusesRfc8785SampleInputAndAcceptsItsCanonicalForm() throws Exception {
        // RFC 8785 §3.2.2 (sorting, whitespace, number and string serialisation) sample input and output.
        String input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";
        String canonical = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";

        assertThat(new org.erdtman.jcs.JsonCanonicalizer(input).getEncodedString()).isEqualTo(canonical);
        EntryDecoding raw = EntryDecoder.decode(input.getBytes(StandardCharsets.UTF_8));
        EntryDecoding canon = EntryDecoder.decode(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(((EntryDecoding.Invalid) raw).problem()).isEqualTo(EntryDecoding.Problem.NOT_CANONICAL);
        // Canonical, so decoding gets past the byte check and fails only on content.
        assertThat(((EntryDecoding.Invalid) canon).problem()).isEqualTo(EntryDecoding.Problem.MISSING_FIELD);
    }

    @Test
    void unitCommitment_matchesIndependentComputation() {
        // python3: base64.urlsafe_b64encode(hashlib.sha256(b'packguard/unit/v1\n' + b'04150123456782' + b'\x1d' + b'SN7QX2K9').digest())
        assertThat(UnitCommitment.of(new Gtin("04150123456782"), "SN7QX2K9").value())
                .isEqualTo("uj8EUY_VbK7QdZwl8mWYmRmHWcmNdNGrR7zATvPHq3w");
    }

    @Test
    void gs1CheckDigit_acceptsSpecExampleAndRejectsNeighbours() {
        // GS1 General Specifications §7.9.1 worked example: GTIN-13 629104150021 + check digit 3.
        assertThat(Gtin.isValid("06291041500213")).isTrue();
        assertThat(Gtin.isValid("06291041500214")).isFalse();
        assertThat(Gtin.isValid("0629104150021")).isFalse();
        assertThat(Gln.isValid("4012345000016")).isTrue();
        assertThat(Gln.isValid("4012345000017")).isFalse();
    }
}

package dev.packguard.ledger.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.statement.KeyId;
import java.time.Instant;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsortiumRootTest {
    private static final TestConsortium C = TestConsortium.create();

    @Test
    void issue_certifiesTheProfileInACriticalExtension() {
        PartyCertificate cert = C.manufacturer().certificate();

        PartyCertificate reparsed = PartyCertificate.parse(cert.encoded()).orElseThrow();

        assertThat(reparsed.profile()).isEqualTo(C.manufacturer().profile());
        assertThat(reparsed.keyId()).isEqualTo(C.manufacturer().key().keyId());
        assertThat(cert.holder().getExtension(PartyProfileExtension.OID).isCritical()).isTrue();
        byte[] ski = SubjectKeyIdentifier.getInstance(cert.holder().getExtension(Extension.subjectKeyIdentifier).getParsedValue())
                .getKeyIdentifier();
        assertThat(ski).isEqualTo(KeyId.identifierBytes(C.manufacturer().key().verifyingKey().subjectPublicKeyInfo()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-12-31T23:59:59.999Z | ROOT_NOT_VALID
            2025-01-01T00:00:00Z     | VALID
            2030-01-01T00:00:00Z     | VALID
            2030-01-01T00:00:00.001Z | ROOT_NOT_VALID
            """)
    void check_honoursValidityPeriodInclusively(String at, String expected) {
        CertificateCheck check = C.root().check(C.pharmacyA().certificate(), Instant.parse(at));

        if (expected.equals("VALID")) {
            assertThat(check).isEqualTo(new CertificateCheck.Valid(C.pharmacyA().certificate()));
        } else {
            assertThat(check).isEqualTo(new CertificateCheck.Invalid(CertificateCheck.Reason.valueOf(expected)));
        }
    }

    @Test
    void check_rejectsTimesOutsideThePartyCertificateWhileRootIsValid() {
        PartyCertificate shortLived = C.ca().issue(C.pharmacyB().profile(), C.pharmacyB().key().verifyingKey(),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));

        assertThat(C.root().check(shortLived, Instant.parse("2025-12-31T23:59:59Z")))
                .isEqualTo(new CertificateCheck.Invalid(CertificateCheck.Reason.NOT_YET_VALID));
        assertThat(C.root().check(shortLived, Instant.parse("2026-02-01T00:00:01Z")))
                .isEqualTo(new CertificateCheck.Invalid(CertificateCheck.Reason.EXPIRED));
    }

    @Test
    void check_rejectsCertificateWithAlteredBytes() {
        byte[] der = C.wholesaler().certificate().encoded();
        // Flip a byte of the certified name: still parses, no longer matches the CA's signature.
        int at = indexOf(der, "Nordgross".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        der[at] = 'M';

        PartyCertificate altered = PartyCertificate.parse(der).orElseThrow();

        assertThat(C.root().check(altered, Instant.parse("2026-06-01T00:00:00Z")))
                .isEqualTo(new CertificateCheck.Invalid(CertificateCheck.Reason.BAD_SIGNATURE));
    }

    @Test
    void issue_worksWithAnEcdsaP256Root() {
        ConsortiumCa ecCa = ConsortiumCa.create("EC Root", dev.packguard.ledger.statement.SigningKey.p256FromSeed(TestConsortium.seed("ec-root")),
                TestConsortium.VALID_FROM, TestConsortium.VALID_UNTIL);
        PartyCertificate cert = ecCa.issue(C.pharmacyA().profile(), C.pharmacyA().key().verifyingKey(),
                TestConsortium.VALID_FROM, TestConsortium.VALID_UNTIL);

        assertThat(ecCa.root().check(cert, Instant.parse("2026-06-01T00:00:00Z"))).isEqualTo(new CertificateCheck.Valid(cert));
        assertThat(C.root().check(cert, Instant.parse("2026-06-01T00:00:00Z")))
                .isEqualTo(new CertificateCheck.Invalid(CertificateCheck.Reason.WRONG_ISSUER));
    }

    @Test
    void parse_refusesPartyCertificateAsRootAndRootAsPartyCertificate() {
        assertThat(ConsortiumRoot.parse(C.pharmacyA().certificate().encoded())).isInstanceOf(Parse.Unusable.class);
        assertThat(PartyCertificate.parse(C.root().encoded())).isInstanceOf(Parse.Unusable.class);
        assertThat(PartyCertificate.parse(new byte[] {1, 2, 3})).isEqualTo(new Parse.Unusable<>("not an X.509 certificate"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}

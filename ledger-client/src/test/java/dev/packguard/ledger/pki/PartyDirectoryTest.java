package dev.packguard.ledger.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.statement.Commissioning;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.KeyRevocation;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.PartyRegistration;
import dev.packguard.ledger.statement.RevocationReason;
import dev.packguard.ledger.statement.Shipping;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.SigningKey;
import dev.packguard.ledger.statement.Statement;
import dev.packguard.ledger.statement.UnitCommitment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartyDirectoryTest {
    /** A log index after the test consortium's registrations (and before any revocation unless a test says so). */
    private static final long LATER = 100;

    private static final TestConsortium C = TestConsortium.create();
    private static final Instant T = Instant.parse("2026-06-01T12:00:00.000Z");
    private static final List<UnitCommitment> UNITS = List.of(UnitCommitment.of(TestConsortium.GTIN, "X7K2P9Q4"));

    private static Commissioning commissioning(Gln party, Instant at) {
        return new Commissioning(party, at, C.manufacturer().site(), TestConsortium.GTIN, new Lot("A1"), LocalDate.parse("2028-01-31"), UNITS);
    }

    private static Dispensing dispensing(TestParty pharmacy, Instant at) {
        return new Dispensing(pharmacy.partyId(), at, pharmacy.site(), UNITS);
    }

    @Test
    void fixture_isTheSameBytesOnEveryBuild() {
        TestConsortium again = TestConsortium.create();
        for (int i = 0; i < 4; i++) {
            assertThat(again.registrations().get(i).encode()).isEqualTo(C.registrations().get(i).encode());
        }
    }

    @Test
    void authorize_acceptsEachPartyForItsOwnKindOfEvent() {
        PartyDirectory d = C.directory();
        Statement shipping = new Shipping(C.wholesaler().partyId(), T, C.wholesaler().site(), C.pharmacyA().site(), UNITS);

        assertThat(d.authorize(LATER, C.manufacturer().sign(commissioning(C.manufacturer().partyId(), T))))
                .isEqualTo(new Authorization.Authorized(C.manufacturer().certificate(), 0));
        assertThat(d.authorize(LATER, C.wholesaler().sign(shipping))).isEqualTo(new Authorization.Authorized(C.wholesaler().certificate(), 1));
        assertThat(d.authorize(LATER, C.pharmacyB().sign(dispensing(C.pharmacyB(), T))))
                .isEqualTo(new Authorization.Authorized(C.pharmacyB().certificate(), 3));
    }

    @Test
    void authorize_rejectsUncertifiedKey() {
        SigningKey stranger = SigningKey.ed25519FromSeed(TestConsortium.seed("stranger"));

        Authorization a = C.directory().authorize(LATER, stranger.sign(commissioning(C.manufacturer().partyId(), T)));

        assertThat(a).isInstanceOf(Authorization.Unauthorized.class);
        assertThat(((Authorization.Unauthorized) a).failure()).isEqualTo(Authorization.Failure.UNKNOWN_KEY);
    }

    @Test
    void authorize_rejectsWrongRoleSigner() {
        PartyDirectory d = C.directory();
        // A pharmacy commissioning packs under its own name, and a wholesaler dispensing.
        Authorization pharmacyCommissions = d.authorize(LATER, C.pharmacyA().sign(commissioning(C.pharmacyA().partyId(), T)));
        Authorization wholesalerDispenses = d.authorize(LATER, C.wholesaler().sign(dispensing(C.wholesaler(), T)));

        assertThat(pharmacyCommissions).isEqualTo(new Authorization.Unauthorized(Authorization.Failure.WRONG_ROLE,
                "a dispenser key may not make this statement", OptionalLong.of(2)));
        assertThat(((Authorization.Unauthorized) wholesalerDispenses).failure()).isEqualTo(Authorization.Failure.WRONG_ROLE);
    }

    @Test
    void authorize_rejectsKeyOfAnotherParty() {
        Authorization a = C.directory().authorize(LATER, C.pharmacyB().sign(dispensing(C.pharmacyA(), T)));

        assertThat(((Authorization.Unauthorized) a).failure()).isEqualTo(Authorization.Failure.OTHER_PARTY);
    }

    @Test
    void authorize_rejectsForgedStatement() {
        SignedStatement genuine = C.pharmacyA().sign(dispensing(C.pharmacyA(), T));
        SignedStatement other = C.pharmacyA().sign(dispensing(C.pharmacyA(), T.plusSeconds(1)));
        SignedStatement forged = new SignedStatement(genuine.statement(), other.signature());

        Authorization a = C.directory().authorize(LATER, forged);

        assertThat(((Authorization.Unauthorized) a).failure()).isEqualTo(Authorization.Failure.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "signed {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-06-01T11:59:59.999Z | AUTHORIZED
            2026-06-01T12:00:00.000Z | REVOKED
            2026-06-02T00:00:00.000Z | REVOKED
            """)
    void authorize_rejectsStatementsByRevokedKeyFromEffectiveTime(String signedAt, String expected) {
        PartyDirectory d = C.directory();
        KeyRevocation revocation = new KeyRevocation(C.pharmacyA().partyId(), T.plusSeconds(3600), C.pharmacyA().key().keyId(), T,
                RevocationReason.KEY_COMPROMISE);
        assertThat(d.admit(4, C.pharmacyA().sign(revocation))).isEqualTo(new Admission.Revoked(C.pharmacyA().key().keyId(), T));

        // Logged before the revocation (index 3), checked after it: only its time decides.
        Authorization a = d.authorize(3, C.pharmacyA().sign(dispensing(C.pharmacyA(), Instant.parse(signedAt))));

        if (expected.equals("AUTHORIZED")) {
            assertThat(a).isInstanceOf(Authorization.Authorized.class);
        } else {
            assertThat(a).isEqualTo(new Authorization.Unauthorized(Authorization.Failure.REVOKED, "revoked from " + T, OptionalLong.of(4)));
        }
    }

    @Test
    void admit_acceptsRevocationByConsortiumRootAndRefusesOneByAnotherParty() {
        PartyDirectory d = C.directory();
        KeyRevocation revocation = new KeyRevocation(C.wholesaler().partyId(), T, C.wholesaler().key().keyId(), T,
                RevocationReason.CESSATION_OF_OPERATION);

        Admission byOther = d.admit(4, C.pharmacyA().sign(revocation));
        Admission byRoot = d.admit(5, C.ca().key().sign(revocation));

        assertThat(byOther).isInstanceOf(Admission.Refused.class);
        assertThat(((Admission.Refused) byOther).reason()).isEqualTo(Admission.Reason.NOT_AUTHORIZED);
        assertThat(byRoot).isEqualTo(new Admission.Revoked(C.wholesaler().key().keyId(), T));
    }

    @Test
    void admit_refusesRevocationSignedByAlreadyRevokedKey() {
        PartyDirectory d = C.directory();
        d.admit(4, C.ca().key().sign(new KeyRevocation(C.pharmacyA().partyId(), T, C.pharmacyA().key().keyId(), T,
                RevocationReason.KEY_COMPROMISE)));
        // The thief tries to move the effective time: signed with the stolen key after the revocation took effect.
        Admission late = d.admit(5, C.pharmacyA().sign(new KeyRevocation(C.pharmacyA().partyId(), T.plusSeconds(60),
                C.pharmacyA().key().keyId(), T.plusSeconds(86_400), RevocationReason.SUPERSEDED)));

        assertThat(((Admission.Refused) late).reason()).isEqualTo(Admission.Reason.NOT_AUTHORIZED);
    }

    @Test
    void admit_refusesRevocationOfKeyNotRegisteredForTheParty() {
        Admission a = C.directory().admit(4, C.ca().key().sign(new KeyRevocation(C.pharmacyA().partyId(), T,
                C.pharmacyB().key().keyId(), T, RevocationReason.KEY_COMPROMISE)));

        assertThat(((Admission.Refused) a).reason()).isEqualTo(Admission.Reason.UNKNOWN_KEY);
    }

    @Test
    void keyStatus_rejectsTimesOutsideTheCertificate() {
        PartyDirectory d = C.directory();
        Authorization after = d.keyStatus(C.manufacturer().key().keyId(), C.manufacturer().partyId(),
                C.manufacturer().registration().statement().signerRoles(), TestConsortium.VALID_UNTIL.plusMillis(1), LATER);
        Authorization atEnd = d.keyStatus(C.manufacturer().key().keyId(), C.manufacturer().partyId(),
                C.manufacturer().registration().statement().signerRoles(), TestConsortium.VALID_UNTIL, LATER);

        assertThat(((Authorization.Unauthorized) after).failure()).isEqualTo(Authorization.Failure.CERTIFICATE_NOT_VALID);
        assertThat(atEnd).isInstanceOf(Authorization.Authorized.class);
    }

    @Test
    void admit_refusesRegistrationsThatDoNotMatchATrustedCertificate() {
        TestParty m = C.manufacturer();
        PartyRegistration genuine = (PartyRegistration) m.registration().statement();
        PartyDirectory d = new PartyDirectory(C.root());
        // A rogue CA with the same name issuing the same profile.
        ConsortiumCa rogue = ConsortiumCa.create("PackGuard Test Consortium Root", SigningKey.ed25519FromSeed(TestConsortium.seed("rogue")),
                TestConsortium.VALID_FROM, TestConsortium.VALID_UNTIL);
        PartyCertificate rogueCert = rogue.issue(m.profile(), m.key().verifyingKey(), TestConsortium.VALID_FROM, TestConsortium.VALID_UNTIL);
        PartyRegistration claimsMorePrefixes = new PartyRegistration(genuine.party(), genuine.eventTime(), genuine.role(),
                List.of(new dev.packguard.ledger.statement.CompanyPrefix("4012345"), new dev.packguard.ledger.statement.CompanyPrefix("0300")),
                genuine.glns(), genuine.certificate());
        PartyRegistration garbage = new PartyRegistration(genuine.party(), genuine.eventTime(), genuine.role(),
                genuine.companyPrefixes(), genuine.glns(), new byte[] {0x30, 0x00});

        assertThat(refusal(d.admit(0, m.sign(withCertificate(genuine, rogueCert.encoded()))))).isEqualTo(Admission.Reason.CERTIFICATE_NOT_TRUSTED);
        assertThat(refusal(d.admit(0, m.sign(claimsMorePrefixes)))).isEqualTo(Admission.Reason.DIFFERS_FROM_CERTIFICATE);
        assertThat(refusal(d.admit(0, m.sign(garbage)))).isEqualTo(Admission.Reason.CERTIFICATE_UNUSABLE);
        assertThat(refusal(d.admit(0, C.pharmacyA().sign(genuine)))).isEqualTo(Admission.Reason.NOT_AUTHORIZED);
        assertThat(d.admit(0, m.registration())).isInstanceOf(Admission.Registered.class);
        assertThat(refusal(d.admit(1, m.registration()))).isEqualTo(Admission.Reason.ALREADY_REGISTERED);
        assertThat(d.admit(2, C.pharmacyA().sign(dispensing(C.pharmacyA(), T)))).isEqualTo(new Admission.NotApplicable());
    }

    private static PartyRegistration withCertificate(PartyRegistration r, byte[] der) {
        return new PartyRegistration(r.party(), r.eventTime(), r.role(), r.companyPrefixes(), r.glns(), der);
    }

    private static Admission.Reason refusal(Admission a) {
        assertThat(a).isInstanceOf(Admission.Refused.class);
        return ((Admission.Refused) a).reason();
    }

    @Test
    void authorize_refusesStatementLoggedAfterRevocationWhateverItsEventTime() {
        PartyDirectory d = C.directory();
        TestParty m = C.manufacturer();
        d.admit(4, C.ca().key().sign(new KeyRevocation(m.partyId(), T, m.key().keyId(), T, RevocationReason.KEY_COMPROMISE)));
        // A thief with the stolen key appends a commissioning at index 5, backdated to before the revocation.
        SignedStatement backdated = m.sign(commissioning(m.partyId(), T.minusSeconds(3600)));

        Authorization a = d.authorize(5, backdated);

        assertThat(a).isInstanceOf(Authorization.Unauthorized.class);
        assertThat(((Authorization.Unauthorized) a).failure()).isEqualTo(Authorization.Failure.REVOKED);
        assertThat(((Authorization.Unauthorized) a).detail()).contains("after the key's revocation at index 4");
        assertThat(d.authorize(3, backdated)).isInstanceOf(Authorization.Authorized.class);
    }

    @Test
    void admit_revokedKeyCannotRevokeThePartysReplacementKey() {
        PartyDirectory d = C.directory();
        TestParty m = C.manufacturer();
        d.admit(4, C.ca().key().sign(new KeyRevocation(m.partyId(), T, m.key().keyId(), T, RevocationReason.KEY_COMPROMISE)));
        SigningKey k2 = SigningKey.ed25519FromSeed(TestConsortium.seed("manufacturer-2"));
        PartyCertificate cert2 = C.ca().issue(m.profile(), k2.verifyingKey(), TestConsortium.VALID_FROM, TestConsortium.VALID_UNTIL);
        Instant t2 = T.plusSeconds(86_400);
        assertThat(d.admit(5, k2.sign(new PartyRegistration(m.partyId(), t2, m.profile().role(),
                m.profile().companyPrefixes(), m.profile().glns(), cert2.encoded())))).isInstanceOf(Admission.Registered.class);
        SignedStatement honest = k2.sign(commissioning(m.partyId(), t2.plusSeconds(60)));

        // The thief revokes k2 with the revoked key, backdated, effective from long before.
        Admission a = d.admit(6, m.sign(new KeyRevocation(m.partyId(), T.minusSeconds(60), k2.keyId(),
                Instant.parse("2025-01-01T00:00:00.000Z"), RevocationReason.KEY_COMPROMISE)));

        assertThat(a).isInstanceOf(Admission.Refused.class);
        assertThat(d.authorize(7, honest)).isInstanceOf(Authorization.Authorized.class);
    }

    @Test
    void admit_partyKeyCannotRevokeFromBeforeItsOwnCertificate() {
        PartyDirectory d = C.directory();
        TestParty m = C.manufacturer();
        SigningKey k2 = SigningKey.ed25519FromSeed(TestConsortium.seed("manufacturer-2"));
        Instant later = TestConsortium.VALID_FROM.plusSeconds(86_400 * 30);
        PartyCertificate cert2 = C.ca().issue(m.profile(), k2.verifyingKey(), later, TestConsortium.VALID_UNTIL);
        d.admit(4, k2.sign(new PartyRegistration(m.partyId(), T, m.profile().role(), m.profile().companyPrefixes(),
                m.profile().glns(), cert2.encoded())));

        Admission tooEarly = d.admit(5, k2.sign(new KeyRevocation(m.partyId(), T, m.key().keyId(),
                TestConsortium.VALID_FROM, RevocationReason.KEY_COMPROMISE)));
        Admission fromNow = d.admit(6, k2.sign(new KeyRevocation(m.partyId(), T, m.key().keyId(), T,
                RevocationReason.KEY_COMPROMISE)));

        assertThat(((Admission.Refused) tooEarly).detail()).contains("only the root can");
        assertThat(fromNow).isInstanceOf(Admission.Revoked.class);
    }
}

package dev.packguard.ledger.pki;

import dev.packguard.ledger.statement.Commissioning;
import dev.packguard.ledger.statement.CompanyPrefix;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Gtin;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.PartyRegistration;
import dev.packguard.ledger.statement.Receiving;
import dev.packguard.ledger.statement.Role;
import dev.packguard.ledger.statement.Shipping;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.SigningKey;
import dev.packguard.ledger.statement.Times;
import dev.packguard.ledger.statement.UnitCommitment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A small, fully deterministic consortium for tests (this module's and, through the test-jar,
 * ledger-node's and app's): an Ed25519 root CA, a manufacturer, a wholesaler and two pharmacies,
 * every key derived from a fixed seed (SHA-256 of "packguard/fixture/" + name), so every
 * certificate and registration entry is the same bytes on every run. Both signature algorithms
 * are covered: the wholesaler and pharmacy B sign with ES256, the others with Ed25519.
 *
 * <pre>
 * party          PGLN           site GLN       company prefix  role
 * manufacturer   4012345000016  4012345000023  4012345         manufacturer
 * wholesaler     4098765000010  4098765000027  -               wholesaler
 * pharmacy A     4056789000010  4056789000027  -               dispenser
 * pharmacy B     4056790000016  4056790000023  -               dispenser
 * </pre>
 */
public final class TestConsortium {
    /** Certificates are valid from here ... */
    public static final Instant VALID_FROM = Instant.parse("2025-01-01T00:00:00Z");
    /** ... to here. */
    public static final Instant VALID_UNTIL = Instant.parse("2030-01-01T00:00:00Z");
    /** The eventTime of every registration. */
    public static final Instant REGISTERED_AT = Instant.parse("2026-01-01T00:00:00.000Z");
    /** A GTIN owned by the manufacturer (prefix 4012345). */
    public static final Gtin GTIN = new Gtin("04012345000108");
    /** A second GTIN owned by the manufacturer. */
    public static final Gtin OTHER_GTIN = new Gtin("04012345000207");

    private final ConsortiumCa ca;
    private final TestParty manufacturer;
    private final TestParty wholesaler;
    private final TestParty pharmacyA;
    private final TestParty pharmacyB;

    private TestConsortium() {
        ca = ConsortiumCa.create("PackGuard Test Consortium Root", SigningKey.ed25519FromSeed(seed("root")), VALID_FROM, VALID_UNTIL);
        manufacturer = party("manufacturer", SigningKey.ed25519FromSeed(seed("manufacturer")),
                new PartyProfile(new Gln("4012345000016"), "Acme Pharma GmbH", Role.MANUFACTURER,
                        List.of(new CompanyPrefix("4012345")), List.of(new Gln("4012345000016"), new Gln("4012345000023"))),
                new Gln("4012345000023"));
        wholesaler = party("wholesaler", SigningKey.p256FromSeed(seed("wholesaler")),
                new PartyProfile(new Gln("4098765000010"), "Nordgross Pharmahandel", Role.WHOLESALER,
                        List.of(), List.of(new Gln("4098765000010"), new Gln("4098765000027"))),
                new Gln("4098765000027"));
        pharmacyA = party("pharmacy-a", SigningKey.ed25519FromSeed(seed("pharmacy-a")),
                new PartyProfile(new Gln("4056789000010"), "Apotheke am Markt Versand", Role.DISPENSER,
                        List.of(), List.of(new Gln("4056789000010"), new Gln("4056789000027"))),
                new Gln("4056789000027"));
        pharmacyB = party("pharmacy-b", SigningKey.p256FromSeed(seed("pharmacy-b")),
                new PartyProfile(new Gln("4056790000016"), "Rosen-Apotheke", Role.DISPENSER,
                        List.of(), List.of(new Gln("4056790000016"), new Gln("4056790000023"))),
                new Gln("4056790000023"));
    }

    /** The consortium; cheap enough to build per test class (a few milliseconds once warm). */
    public static TestConsortium create() {
        return new TestConsortium();
    }

    /** The fixed 32-byte seed for {@code name}: SHA-256("packguard/fixture/" + name). */
    public static byte[] seed(String name) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("packguard/fixture/" + name).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestParty party(String name, SigningKey key, PartyProfile profile, Gln site) {
        PartyCertificate cert = ca.issue(profile, key.verifyingKey(), VALID_FROM, VALID_UNTIL);
        SignedStatement registration = key.sign(new PartyRegistration(profile.partyId(), REGISTERED_AT, profile.role(),
                profile.companyPrefixes(), profile.glns(), cert.encoded()));
        return new TestParty(profile, site, key, cert, registration);
    }

    /** The certificate authority (its key also signs consortium revocations). */
    public ConsortiumCa ca() {
        return ca;
    }

    /** The trust anchor stations configure. */
    public ConsortiumRoot root() {
        return ca.root();
    }

    /** Acme Pharma, Ed25519. */
    public TestParty manufacturer() {
        return manufacturer;
    }

    /** Nordgross, ES256. */
    public TestParty wholesaler() {
        return wholesaler;
    }

    /** Apotheke am Markt, the station's own pharmacy in most scenarios; Ed25519. */
    public TestParty pharmacyA() {
        return pharmacyA;
    }

    /** Rosen-Apotheke, the "other pharmacy" for diversion scenarios; ES256. */
    public TestParty pharmacyB() {
        return pharmacyB;
    }

    /** The four parties in registration order. */
    public List<TestParty> parties() {
        return List.of(manufacturer, wholesaler, pharmacyA, pharmacyB);
    }

    /** The registration entries, to be placed at log indices 0..3. */
    public List<SignedStatement> registrations() {
        return parties().stream().map(TestParty::registration).toList();
    }

    /**
     * The usual custody chain of one unit, signed by the acting parties, one hour apart from
     * {@code start}: commissioning by the manufacturer at its plant, shipping to the wholesaler's
     * warehouse, receiving there, shipping to pharmacy A, receiving at pharmacy A. Place the
     * entries after {@link #registrations()} (log indices 4..8 in a fresh log).
     */
    public List<SignedStatement> custodyChain(Gtin gtin, Lot lot, LocalDate expiry, String serial, Instant start) {
        List<UnitCommitment> unit = List.of(UnitCommitment.of(gtin, serial));
        Instant t = Times.truncate(start);
        return List.of(
                manufacturer.sign(new Commissioning(manufacturer.partyId(), t, manufacturer.site(), gtin, lot, expiry, unit)),
                manufacturer.sign(new Shipping(manufacturer.partyId(), t.plusSeconds(3600), manufacturer.site(), wholesaler.site(), unit)),
                wholesaler.sign(new Receiving(wholesaler.partyId(), t.plusSeconds(7200), manufacturer.site(), wholesaler.site(), unit)),
                wholesaler.sign(new Shipping(wholesaler.partyId(), t.plusSeconds(10800), wholesaler.site(), pharmacyA.site(), unit)),
                pharmacyA.sign(new Receiving(pharmacyA.partyId(), t.plusSeconds(14400), wholesaler.site(), pharmacyA.site(), unit)));
    }

    /** A fresh directory with the four registrations admitted at log indices 0..3. */
    public PartyDirectory directory() {
        PartyDirectory directory = new PartyDirectory(root());
        List<SignedStatement> entries = registrations();
        for (int i = 0; i < entries.size(); i++) {
            Admission a = directory.admit(i, entries.get(i));
            if (!(a instanceof Admission.Registered)) {
                throw new IllegalStateException("fixture registration " + i + " refused: " + a);
            }
        }
        return directory;
    }
}

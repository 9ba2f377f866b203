package dev.packguard.node.demo;

import dev.packguard.ledger.pki.ConsortiumCa;
import dev.packguard.ledger.pki.PartyCertificate;
import dev.packguard.ledger.pki.PartyProfile;
import dev.packguard.ledger.statement.CompanyPrefix;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.PartyRegistration;
import dev.packguard.ledger.statement.Role;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.SigningKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo consortium: an Ed25519 root CA, four manufacturers (Germany, USA, Italy, the
 * Netherlands), two wholesalers, the demo mail-order pharmacy and a second pharmacy, and the
 * catalogue of products they make. Every key is derived from the world's seed
 * ({@link DemoIds#keySeed}), so the same seed gives the same certificates and registrations.
 * Both statement algorithms are in use: the US manufacturer, the Austrian wholesaler and the
 * second pharmacy sign with ES256, everyone else with Ed25519.
 *
 * <p>Company prefixes and GLNs are fictitious but shaped like real ones: German prefixes in 400–440,
 * Italian 800–839, Dutch 870–879, Austrian 900–919, and a US prefix {@code 03} + NDC labeler code.
 */
public final class DemoConsortium {
    /** The German manufacturer (PZN-backed GTINs). */
    public static final String RHEINTAL = "rheintal";
    /** The US manufacturer (NDC GTINs, ES256). */
    public static final String HUDSON = "hudson";
    /** The Italian manufacturer. */
    public static final String LOMBARDI = "lombardi";
    /** The Dutch manufacturer. */
    public static final String NOORDZEE = "noordzee";
    /** The main wholesaler. */
    public static final String HANSE = "hanse";
    /** The second wholesaler (ES256), whose scanner-terminal key gets compromised. */
    public static final String ALPEN = "alpen";
    /** The demo mail-order pharmacy: the station's own. */
    public static final String PHARMACY = "pharmacy";
    /** Another pharmacy, for diversion and returns scenarios (ES256). */
    public static final String OTHER_PHARMACY = "other-pharmacy";
    /** The id of the wholesaler's second, later revoked key. */
    public static final String ALPEN_TERMINAL = "alpen-terminal";

    private final ConsortiumCa ca;
    private final Map<String, DemoParty> parties = new LinkedHashMap<>();
    private final DemoParty alpenTerminal;
    private final SigningKey uncertified;
    private final List<Product> products = new ArrayList<>();

    /**
     * @param seed the world's seed
     * @param validFrom certificates are valid from here ...
     * @param validUntil ... to here
     * @param registeredAt the eventTime of every registration
     */
    public DemoConsortium(long seed, Instant validFrom, Instant validUntil, Instant registeredAt) {
        ca = ConsortiumCa.create("PackGuard Demo Consortium Root CA", ed(seed, "root"), validFrom, validUntil);
        String pznIbu = DemoIds.pzn("0375286").orElseThrow(); // 03752864, the IFA coding rules' own example PZN
        String pznPanto = DemoIds.pzn("1784120").orElseThrow();
        add(seed, RHEINTAL, "Rheintal Arzneimittel GmbH", Role.MANUFACTURER, "4031234", false,
                List.of("4031234", "4150" + pznIbu, "4150" + pznPanto), validFrom, validUntil, registeredAt);
        add(seed, HUDSON, "Hudson Valley Pharmaceuticals Inc.", Role.MANUFACTURER, "0371234", true,
                List.of("0371234"), validFrom, validUntil, registeredAt);
        add(seed, LOMBARDI, "Farmaceutici Lombardi S.p.A.", Role.MANUFACTURER, "8012345", false,
                List.of("8012345"), validFrom, validUntil, registeredAt);
        add(seed, NOORDZEE, "Noordzee Generics B.V.", Role.MANUFACTURER, "8712345", false,
                List.of("8712345"), validFrom, validUntil, registeredAt);
        add(seed, HANSE, "Hanse Pharma-Grosshandel GmbH", Role.WHOLESALER, "4061234", false, List.of(),
                validFrom, validUntil, registeredAt);
        add(seed, ALPEN, "Alpen Medica Distribution AG", Role.WHOLESALER, "9012345", true, List.of(),
                validFrom, validUntil, registeredAt);
        add(seed, PHARMACY, "Demo Versandapotheke", Role.DISPENSER, "4059876", false, List.of(),
                validFrom, validUntil, registeredAt);
        add(seed, OTHER_PHARMACY, "Rosen-Apotheke Leipzig", Role.DISPENSER, "4059877", true, List.of(),
                validFrom, validUntil, registeredAt);
        DemoParty alpen = parties.get(ALPEN);
        alpenTerminal = register(ALPEN_TERMINAL, alpen.profile(), alpen.site(), ed(seed, ALPEN_TERMINAL),
                validFrom, validUntil, registeredAt);
        uncertified = ed(seed, "uncertified");

        products.add(new Product("ibu400", DemoIds.pznGtin(pznIbu), "Ibuprofen 400 mg, 50 film-coated tablets",
                RHEINTAL, Optional.of(pznIbu), Optional.empty(), 36));
        products.add(new Product("panto40", DemoIds.pznGtin(pznPanto), "Pantoprazol 40 mg, 100 gastro-resistant tablets",
                RHEINTAL, Optional.of(pznPanto), Optional.empty(), 36));
        products.add(new Product("metf1000", DemoIds.gtin("0403123400015"), "Metformin 1000 mg, 180 film-coated tablets",
                RHEINTAL, Optional.empty(), Optional.empty(), 48));
        products.add(new Product("atorva20", DemoIds.ndcGtin("7123401503"), "Atorvastatin 20 mg, 90 tablets",
                HUDSON, Optional.empty(), Optional.of("7123401503"), 24));
        products.add(new Product("amox1000", DemoIds.gtin("0801234510021"), "Amoxicillin 1 g, 12 dispersible tablets",
                LOMBARDI, Optional.empty(), Optional.empty(), 24));
        products.add(new Product("omep20", DemoIds.gtin("0871234500047"), "Omeprazole 20 mg, 28 gastro-resistant capsules",
                NOORDZEE, Optional.empty(), Optional.empty(), 36));
        for (Product p : products) {
            if (!parties.get(p.manufacturer()).profile().owns(p.gtin())) {
                throw new IllegalStateException(p.id() + " is not owned by " + p.manufacturer());
            }
        }
    }

    private static SigningKey ed(long seed, String name) {
        return SigningKey.ed25519FromSeed(DemoIds.keySeed(seed, name));
    }

    private void add(long seed, String id, String name, Role role, String glnPrefix, boolean p256, List<String> prefixes,
            Instant validFrom, Instant validUntil, Instant registeredAt) {
        // PGLN = location reference 00001, operational site = 00002 (GS1 GLN Allocation Rules: one GLN per party and per place).
        Gln pgln = DemoIds.gln(pad(glnPrefix, "1"));
        Gln site = DemoIds.gln(pad(glnPrefix, "2"));
        PartyProfile profile = new PartyProfile(pgln, name, role, prefixes.stream().map(CompanyPrefix::new).toList(),
                List.of(pgln, site));
        byte[] keySeed = DemoIds.keySeed(seed, id);
        SigningKey key = p256 ? SigningKey.p256FromSeed(keySeed) : SigningKey.ed25519FromSeed(keySeed);
        parties.put(id, register(id, profile, site, key, validFrom, validUntil, registeredAt));
    }

    private static String pad(String prefix, String ref) {
        return prefix + "0".repeat(12 - prefix.length() - ref.length()) + ref;
    }

    private DemoParty register(String id, PartyProfile profile, Gln site, SigningKey key, Instant validFrom,
            Instant validUntil, Instant registeredAt) {
        PartyCertificate cert = ca.issue(profile, key.verifyingKey(), validFrom, validUntil);
        SignedStatement registration = key.sign(new PartyRegistration(profile.partyId(), registeredAt, profile.role(),
                profile.companyPrefixes(), profile.glns(), cert.encoded()));
        return new DemoParty(id, profile, site, key, cert, registration);
    }

    /** The certificate authority; stations trust its root. */
    public ConsortiumCa ca() {
        return ca;
    }

    /** The party called {@code id} (one of the constants above). */
    public DemoParty party(String id) {
        DemoParty p = parties.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no demo party " + id);
        }
        return p;
    }

    /** The eight parties, in registration order. */
    public List<DemoParty> parties() {
        return List.copyOf(parties.values());
    }

    /** The Austrian wholesaler's second key (scanner terminal), registered and later revoked. */
    public DemoParty alpenTerminal() {
        return alpenTerminal;
    }

    /** A key no certificate names; events it signs come from an uncertified signer. */
    public SigningKey uncertifiedKey() {
        return uncertified;
    }

    /** The catalogue. */
    public List<Product> products() {
        return List.copyOf(products);
    }

    /** The product called {@code id}. */
    public Product product(String id) {
        return products.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo product " + id));
    }

    /** Every registration entry, in log order: the parties, then the terminal key. */
    public List<SignedStatement> registrations() {
        List<SignedStatement> all = new ArrayList<>(parties.values().stream().map(DemoParty::registration).toList());
        all.add(alpenTerminal.registration());
        return all;
    }
}

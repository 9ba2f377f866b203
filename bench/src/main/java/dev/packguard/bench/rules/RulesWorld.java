package dev.packguard.bench.rules;

import dev.packguard.ledger.index.StatementIndexer;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.VerifiedCheckpoint;
import dev.packguard.ledger.pki.ConsortiumCa;
import dev.packguard.ledger.pki.ConsortiumRoot;
import dev.packguard.ledger.pki.PartyCertificate;
import dev.packguard.ledger.pki.PartyProfile;
import dev.packguard.ledger.rules.UnitScan;
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
import dev.packguard.ledger.statement.Statement;
import dev.packguard.ledger.statement.UnitCommitment;
import dev.packguard.ledger.tlog.CompactRange;
import dev.packguard.ledger.tlog.TreeHash;
import dev.packguard.ledger.tlog.tiles.EntryBundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A deterministic supply chain of N units for the verification benchmarks: a consortium root, a
 * manufacturer, a wholesaler and the station's pharmacy (all Ed25519, keys from fixed seeds).
 * Units are commissioned 20 to an entry, then each is shipped and received twice, one entry per
 * unit per step (manufacturer → wholesaler → pharmacy): 4.05 statements per unit, so 1,000,000
 * units make 4,050,003 entries. Every unit passes in pack mode.
 *
 * <p>The mirror is built through {@link MirrorStore} directly — bundles staged, then committed
 * with the {@link StatementIndexer}, 64 bundles per transaction — instead of over HTTP: the
 * benchmark measures scan-time verification, and the sync path is measured elsewhere
 * (docs/PERFORMANCE.md "Ledger tree", SyncHarness). The checkpoint note is a placeholder.
 *
 * <p>Build once: {@code java -cp bench/target/benchmarks.jar dev.packguard.bench.rules.RulesWorld
 * bench/target/rules-mirror.db 1000000} (a file for that many units is reused as it is).
 */
public final class RulesWorld {
    static final int BLOCK_UNITS = 20;
    static final int BLOCK_ENTRIES = 1 + 4 * BLOCK_UNITS;
    static final int REGISTRATIONS = 3;
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2030-01-01T00:00:00Z");
    static final LocalDate EXPIRY = LocalDate.of(2029, 3, 31);
    static final int PRODUCTS = 10;

    record Party(PartyProfile profile, Gln site, SigningKey key, PartyCertificate certificate) {}

    final ConsortiumCa ca;
    final Party manufacturer;
    final Party wholesaler;
    final Party pharmacy;
    final int units;

    public RulesWorld(int units) {
        if (units <= 0 || units % BLOCK_UNITS != 0) {
            throw new IllegalArgumentException("units must be a positive multiple of " + BLOCK_UNITS);
        }
        this.units = units;
        ca = ConsortiumCa.create("Bench Consortium Root", SigningKey.ed25519FromSeed(seed("root")), FROM, UNTIL);
        manufacturer = party("manufacturer", new PartyProfile(new Gln("4012345000016"), "Bench Pharma", Role.MANUFACTURER,
                List.of(new CompanyPrefix("4012345")), List.of(new Gln("4012345000023"))), new Gln("4012345000023"));
        wholesaler = party("wholesaler", new PartyProfile(new Gln("4098765000010"), "Bench Wholesale", Role.WHOLESALER,
                List.of(), List.of(new Gln("4098765000027"))), new Gln("4098765000027"));
        pharmacy = party("pharmacy", new PartyProfile(new Gln("4056789000010"), "Bench Pharmacy", Role.DISPENSER,
                List.of(), List.of(new Gln("4056789000027"))), new Gln("4056789000027"));
    }

    private Party party(String name, PartyProfile profile, Gln site) {
        SigningKey key = SigningKey.ed25519FromSeed(seed(name));
        return new Party(profile, site, key, ca.issue(profile, key.verifyingKey(), FROM, UNTIL));
    }

    static byte[] seed(String name) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("packguard/bench/" + name).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The station pharmacy's statement-signing key (what its {@code station.signingKey} holds). */
    public SigningKey pharmacyKey() {
        return pharmacy.key();
    }

    public ConsortiumRoot root() {
        return ca.root();
    }

    long size() {
        long blocks = units / BLOCK_UNITS;
        return REGISTRATIONS + blocks * BLOCK_ENTRIES;
    }

    /** Unit {@code u}'s identifier as printed on its pack. */
    public static UnitScan scan(int u) {
        return new UnitScan(gtin(product(u)), serial(u), lot(u / BLOCK_UNITS), EXPIRY, false);
    }

    /** One product (GTIN) per block of 20 units, so one commissioning covers the block. */
    static int product(int u) {
        return (u / BLOCK_UNITS) % PRODUCTS;
    }

    static String serial(int u) {
        return "B" + String.format("%09d", u) + "X";
    }

    static Lot lot(int block) {
        return new Lot("LB" + block / 50);
    }

    static Gtin gtin(int product) {
        String body = "040123450" + String.format("%04d", 100 + product * 10);
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (body.charAt(12 - i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return new Gtin(body + (10 - sum % 10) % 10);
    }

    /** The entry at log index {@code i}; a pure function of {@code i}, so entries can be signed in parallel. */
    byte[] entry(long i) {
        if (i < REGISTRATIONS) {
            Party p = List.of(manufacturer, wholesaler, pharmacy).get((int) i);
            return sign(p, new PartyRegistration(p.profile().partyId(), T0, p.profile().role(), p.profile().companyPrefixes(),
                    p.profile().glns(), p.certificate().encoded()));
        }
        long k = i - REGISTRATIONS;
        int block = (int) (k / BLOCK_ENTRIES);
        int pos = (int) (k % BLOCK_ENTRIES);
        Instant t = T0.plusSeconds(k);
        if (pos == 0) {
            List<UnitCommitment> all = new ArrayList<>();
            for (int u = block * BLOCK_UNITS; u < (block + 1) * BLOCK_UNITS; u++) {
                all.add(commitment(u));
            }
            return sign(manufacturer, new Commissioning(manufacturer.profile().partyId(), t, manufacturer.site(),
                    gtin(block % PRODUCTS), lot(block), EXPIRY, all));
        }
        int step = (pos - 1) / BLOCK_UNITS;
        int u = block * BLOCK_UNITS + (pos - 1) % BLOCK_UNITS;
        List<UnitCommitment> one = List.of(commitment(u));
        return switch (step) {
            case 0 -> sign(manufacturer, new Shipping(manufacturer.profile().partyId(), t, manufacturer.site(), wholesaler.site(), one));
            case 1 -> sign(wholesaler, new Receiving(wholesaler.profile().partyId(), t, manufacturer.site(), wholesaler.site(), one));
            case 2 -> sign(wholesaler, new Shipping(wholesaler.profile().partyId(), t, wholesaler.site(), pharmacy.site(), one));
            default -> sign(pharmacy, new Receiving(pharmacy.profile().partyId(), t, wholesaler.site(), pharmacy.site(), one));
        };
    }

    static UnitCommitment commitment(int u) {
        return UnitCommitment.of(gtin(product(u)), serial(u));
    }

    private static byte[] sign(Party p, Statement s) {
        SignedStatement signed = p.key().sign(s);
        return signed.encode();
    }

    /** Builds the mirror at {@code file} unless a complete one for the same number of units is there. */
    static void ensure(Path file, int units) throws Exception {
        RulesWorld world = new RulesWorld(units);
        if (Files.exists(file)) {
            try (MirrorStore store = MirrorStore.open(file, new StatementIndexer())) {
                if (store.verified().map(VerifiedCheckpoint::size).orElse(-1L) == world.size()) {
                    return;
                }
            }
            Files.delete(file);
        }
        long started = System.nanoTime();
        try (MirrorStore store = MirrorStore.open(file, new StatementIndexer())) {
            CompactRange edge = CompactRange.empty();
            int chunk = 64 * MirrorStore.BUNDLE_WIDTH;
            for (long from = 0; from < world.size(); from += chunk) {
                long start = from;
                int n = (int) Math.min(chunk, world.size() - from);
                List<byte[]> entries = IntStream.range(0, n).parallel().mapToObj(j -> world.entry(start + j)).toList();
                List<MirrorStore.BundleRow> rows = new ArrayList<>();
                for (int b = 0; b < n; b += MirrorStore.BUNDLE_WIDTH) {
                    List<byte[]> bundle = entries.subList(b, Math.min(n, b + MirrorStore.BUNDLE_WIDTH));
                    rows.add(new MirrorStore.BundleRow((start + b) / MirrorStore.BUNDLE_WIDTH, bundle.size(), EntryBundle.encode(bundle)));
                }
                store.stage(rows);
                for (byte[] e : entries) {
                    edge = edge.append(TreeHash.leafHash(e));
                }
                store.commit(new VerifiedCheckpoint("bench.packguard.dev/rules", edge.end(), edge.root(),
                        "bench mirror: no signed note\n".getBytes(StandardCharsets.UTF_8), edge, Optional.empty(),
                        Instant.now()), List.of());
                System.err.printf("\r%,d / %,d entries, %d s   ", edge.end(), world.size(), (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
        System.err.printf("%nbuilt %s: %,d units, %,d entries in %d s%n", file, units, world.size(),
                (System.nanoTime() - started) / 1_000_000_000L);
    }

    /** {@code RulesWorld FILE UNITS}: builds (or keeps) the benchmark mirror. */
    public static void main(String[] args) throws Exception {
        ensure(Path.of(args.length > 0 ? args[0] : "bench/target/rules-mirror.db"),
                args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
    }
}

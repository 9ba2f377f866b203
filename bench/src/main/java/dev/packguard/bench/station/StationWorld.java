package dev.packguard.bench.station;

import dev.packguard.bench.rules.RulesWorld;
import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.ledger.rules.UnitScan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A station folder (docs/CONFIGURATION.md) for the benchmark mirror built by {@link RulesWorld}:
 * {@code station.json} naming that mirror, the consortium root as trust anchor, a policy, and
 * orders of ten lines (one per product of the world, three packs each). The station is the world's
 * pharmacy, so every real unit passes. Its ledger URL points at a closed port on 127.0.0.1: the
 * station runs offline on its local copy, as it does during a network outage, and no sync
 * disturbs the measurement.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.packguard.bench.station.StationWorld DIR MIRROR UNITS}
 */
public final class StationWorld {
    /** The pharmacy of {@link RulesWorld}: the custody chain of every unit ends here. */
    static final String PHARMACY_GLN = "4056789000010";
    static final int PRODUCTS = 10;
    // A parcel of a mail-order pharmacy: ten products, three packs each. (An order of more than
    // about 230 units cannot be sealed yet: the dispense audit record lists every unit and is
    // limited to 8,192 characters.)
    static final int PER_LINE = 3;
    static final int ORDERS = 150;

    private StationWorld() {
    }

    /** The id of order {@code n} (1-based). */
    static String orderId(int n) {
        return String.format("BENCH-%04d", n);
    }

    /** The GTIN-14 of product {@code p} of the world (the product of units {@code 20p … 20p+19}). */
    static String gtin(int p) {
        return RulesWorld.scan(p * 20).gtin().digits();
    }

    /** The product of unit {@code u}: {@link RulesWorld} gives each block of 20 units one of ten GTINs in turn. */
    static int product(int u) {
        return (u / 20) % PRODUCTS;
    }

    /** What a DataMatrix scanner sends for {@code unit}: fixed-length AIs first, GS after the variable lot. */
    static String scanText(UnitScan unit) {
        return "01" + unit.gtin().digits() + "17" + unit.expiry().format(DateTimeFormatter.ofPattern("yyMMdd"))
                + "10" + unit.lot().value() + "\u001d21" + unit.serial();
    }

    /** Writes the station folder {@code dir} for the world of {@code units} units mirrored at {@code mirror}. */
    public static Path write(Path dir, Path mirror, int units) throws Exception {
        Files.createDirectories(dir.resolve("orders"));
        RulesWorld world = new RulesWorld(units);
        Files.write(dir.resolve("root.der"), world.root().encoded());
        // The pharmacy signs its dispenses: without its key Pack & seal is refused.
        byte[] pkcs8 = world.pharmacyKey().toJcaKeyPair(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                .getPrivate().getEncoded();
        Files.writeString(dir.resolve("pharmacy.key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n");
        byte[] seed = MessageDigest.getInstance("SHA-256").digest("packguard/bench/log".getBytes(StandardCharsets.UTF_8));
        SignerKey log = SignerKey.fromSeed(new KeyName("bench.packguard.dev/rules"), SignatureType.ED25519, seed);
        Files.writeString(dir.resolve("policy.txt"), "# The benchmark mirror: its log, no witnesses.\nlog "
                + log.verifierKey().encoded() + "\nquorum none\n");
        Files.writeString(dir.resolve("station.json"), """
                {
                  "format": 1,
                  "station": {"name": "Bench packing", "pharmacyName": "Bench Pharmacy", "pharmacyGln": "%s",
                              "signingKey": "pharmacy.key.pem"},
                  "ledger": {"url": "http://127.0.0.1:9/", "policy": "policy.txt", "mirror": "%s",
                             "trustAnchor": "root.der", "timeoutSeconds": 2, "warnAfterHours": 8760, "blockAfterHours": 8760},
                  "sounds": false
                }
                """.formatted(PHARMACY_GLN, mirror.toAbsolutePath().toString().replace("\\", "\\\\")));
        for (int n = 1; n <= ORDERS; n++) {
            List<String> lines = new ArrayList<>();
            for (int p = 0; p < PRODUCTS; p++) {
                lines.add("""
                        {"line": %d, "gtin": "%s", "description": "Bench product %d", "quantity": %d, "daysSupply": 30}"""
                        .formatted(p + 1, gtin(p), p, PER_LINE));
            }
            Files.writeString(dir.resolve("orders").resolve(orderId(n) + ".json"), """
                    {"format": 1, "orderId": "%s", "lines": [%s]}
                    """.formatted(orderId(n), String.join(",\n", lines)));
        }
        return dir.resolve("station.json");
    }

    /** The distinct GTINs on every bench order. */
    static Set<String> gtins() {
        Set<String> out = new LinkedHashSet<>();
        for (int p = 0; p < PRODUCTS; p++) {
            out.add(gtin(p));
        }
        return out;
    }

    /** {@code StationWorld DIR MIRROR UNITS}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: StationWorld DIR MIRROR UNITS");
            System.exit(64);
        }
        Path config = write(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]));
        System.out.println("station configuration: " + config.toAbsolutePath());
    }
}

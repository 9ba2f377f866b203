package dev.packguard.node.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.ledger.statement.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The world's small files: keys, certificates, the station configuration, orders and scenarios. */
final class WorldFiles {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private WorldFiles() {
    }

    static void writeString(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void writeJson(Path file, ObjectNode json) throws IOException {
        writeString(file, JSON.writeValueAsString(json) + "\n");
    }

    /** PEM (RFC 7468): base64 in 64-character lines between the label's BEGIN and END lines. */
    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** A statement-signing key as PKCS#8 PEM (RFC 5208), readable by OpenSSL and the JDK. */
    static String privateKeyPem(SigningKey key) {
        return pem("PRIVATE KEY", key.toJcaKeyPair(BC).getPrivate().getEncoded());
    }

    /** A note signer key and its verifier key, as {@code <name>.key} and {@code <name>.vkey}. */
    static void writeNoteKey(Path dir, String name, SignerKey key) throws IOException {
        writeString(dir.resolve(name + ".key"), key.encoded() + "\n");
        writeString(dir.resolve(name + ".vkey"), key.verifierKey().encoded() + "\n");
    }

    /** The station configuration (docs/CONFIGURATION.md) for the demo pharmacy, pointing at {@code url}. */
    static ObjectNode stationConfig(DemoParty pharmacy, String url) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        ObjectNode station = root.putObject("station");
        station.put("name", "Packing 1");
        station.put("pharmacyName", pharmacy.name());
        station.put("pharmacyGln", pharmacy.site().digits());
        // The world writes every party's key; the station signs its dispenses with the pharmacy's.
        station.put("signingKey", "keys/" + pharmacy.id() + ".key.pem");
        station.put("pharmacists", DemoPharmacist.FILE);
        station.put("operators", DemoOperators.FILE);
        ObjectNode ledger = root.putObject("ledger");
        ledger.put("url", url);
        ledger.put("policy", DemoWorld.POLICY);
        ledger.put("mirror", "mirror.db");
        ledger.put("trustAnchor", DemoWorld.TRUST_ANCHOR);
        ObjectNode rules = root.putObject("rules");
        rules.put("minShelfLifeDays", 28);
        rules.put("returnWindowDays", 30);
        rules.put("undoWindowDays", 10);
        root.put("sounds", true);
        return root;
    }

    /** One order file (docs/ORDERS.md). */
    static ObjectNode order(DemoOrder order) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        root.put("orderId", order.id());
        ArrayNode lines = root.putArray("lines");
        int n = 1;
        for (DemoOrder.Line l : order.lines()) {
            ObjectNode line = lines.addObject();
            line.put("line", n++);
            line.put("gtin", l.product().gtin().digits());
            l.product().ndc().ifPresent(ndc -> line.put("ndc", ndc));
            l.product().pzn().ifPresent(pzn -> line.put("pzn", pzn));
            line.put("description", l.product().description());
            line.put("quantity", l.quantity());
            line.put("daysSupply", l.daysSupply());
        }
        return root;
    }

    /** {@code scenarios.json}: what each sample scan must give. */
    static ObjectNode scenarios(DemoWorld.Spec spec, String today, DemoParty pharmacy, List<Scenario> scenarios) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        root.put("seed", spec.seed());
        root.put("units", spec.units());
        root.put("worldDate", today);
        root.put("pharmacyGln", pharmacy.site().digits());
        root.put("gsEscape", "\\x1d");
        ArrayNode list = root.putArray("scenarios");
        for (Scenario s : scenarios) {
            list.add(scenario(s.id(), s.title(), s.story(), s.mode(), s.pack(), s.verdict(), s.reasons(), s.entries()));
        }
        return root;
    }

    private static ObjectNode scenario(String id, String title, String story, String mode, Pack pack, String verdict,
            List<String> reasons, List<Long> entries) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", id);
        s.put("title", title);
        s.put("story", story);
        s.put("mode", mode);
        s.put("scan", pack.escaped());
        s.put("bracketed", pack.bracketed());
        s.put("image", "packs/" + id + ".png");
        ObjectNode unit = s.putObject("unit");
        unit.put("gtin", pack.product().gtin().digits());
        unit.put("serial", pack.serial());
        unit.put("lot", pack.lot().value());
        unit.put("expiry", pack.expiry().toString());
        s.put("verdict", verdict);
        ArrayNode r = s.putArray("reasons");
        reasons.forEach(r::add);
        ArrayNode e = s.putArray("entries");
        entries.forEach(e::add);
        return s;
    }
}

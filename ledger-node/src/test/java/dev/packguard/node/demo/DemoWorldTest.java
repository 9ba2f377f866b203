package dev.packguard.node.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.ledger.mirror.SyncResult;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.pki.Admission;
import dev.packguard.ledger.pki.Authorization;
import dev.packguard.ledger.pki.ConsortiumRoot;
import dev.packguard.ledger.pki.EntryIntake;
import dev.packguard.ledger.pki.PartyDirectory;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyParser;
import dev.packguard.node.http.NodeServer;
import dev.packguard.node.tiles.LogDirectory;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.image.DecodedCode;
import dev.packguard.scanner.image.ImageDecoder;
import dev.packguard.scanner.scan.ScanDecoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoWorldTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T08:30:00Z"), ZoneOffset.UTC);
    private static final long SEED = 7;
    private static final int UNITS = 400;

    @TempDir
    static Path tmp;
    static Path world;
    static DemoWorld.Summary summary;

    @BeforeAll
    static void generate() throws IOException {
        world = tmp.resolve("world");
        summary = DemoWorld.generate(world, new DemoWorld.Spec(UNITS, SEED, CLOCK, 8750));
    }

    @Test
    void generate_sameSeedAndDayGiveByteIdenticalWorld() throws IOException {
        Path again = tmp.resolve("again");
        DemoWorld.generate(again, new DemoWorld.Spec(UNITS, SEED, CLOCK, 8750));
        Map<String, byte[]> a = files(world);
        Map<String, byte[]> b = files(again);
        assertThat(b.keySet()).isEqualTo(a.keySet());
        assertThat(a.keySet()).anyMatch(k -> k.startsWith("log/tile/0/")).anyMatch(k -> k.startsWith("log/tile/entries/"));
        assertThat(a.keySet()).contains("log/checkpoint", "policy.txt",
                "station.json", "scenarios.json", "orders/DEMO-0001.json", "packs/contact-sheet.png", "ca/root.cert.pem",
                "keys/log.key", "keys/pharmacy.key.pem", "keys/pharmacy.cert.pem");
        a.forEach((path, bytes) -> assertThat(Arrays.equals(b.get(path), bytes)).as(path).isTrue());
    }

    @Test
    void stationConfig_signsWithTheDemoPharmacysCertifiedKey() throws IOException {
        JsonNode station = new ObjectMapper().readTree(world.resolve(DemoWorld.STATION).toFile()).get("station");
        assertThat(station.get("signingKey").asText()).isEqualTo("keys/pharmacy.key.pem");
        var key = dev.packguard.ledger.statement.SigningKey.fromPkcs8(pemBody(world.resolve("keys/pharmacy.key.pem"))).orElseThrow();
        var cert = dev.packguard.ledger.pki.PartyCertificate.parse(pemBody(world.resolve("keys/pharmacy.cert.pem"))).orElseThrow();
        assertThat(key.keyId()).isEqualTo(cert.keyId());
        assertThat(cert.profile().glns()).extracting(g -> g.digits()).contains(station.get("pharmacyGln").asText());
    }

    @Test
    void generate_otherSeedGivesOtherEntries() throws IOException {
        DemoWorld.Summary other = DemoWorld.generate(tmp.resolve("other"), new DemoWorld.Spec(UNITS, SEED + 1, CLOCK, 8750));
        assertThat(other.root()).isNotEqualTo(summary.root());
    }

    @Test
    void generate_refusesANonEmptyDirectoryAndLeavesItAlone() throws IOException {
        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> DemoWorld.generate(busy, new DemoWorld.Spec(UNITS, SEED, CLOCK, 8750)))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(busy.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(tmp.resolve("busy.partial")).doesNotExist();
    }

    @Test
    void world_syncsOverHttpAndEveryEntryIsWhatItsStorySays() throws Exception {
        Policy policy = ((Parsed.Ok<Policy>) PolicyParser.parse(Files.readString(world.resolve("policy.txt")))).value();
        JsonNode scenarios = new ObjectMapper().readTree(world.resolve("scenarios.json").toFile());
        Map<String, Set<Long>> entriesOf = new HashMap<>();
        scenarios.get("scenarios").forEach(s -> {
            Set<Long> e = new HashSet<>();
            s.get("entries").forEach(i -> e.add(i.asLong()));
            entriesOf.put(s.get("id").asText(), e);
        });
        try (NodeServer server = NodeServer.start(new InetSocketAddress("127.0.0.1", 0),
                new LogDirectory(world.resolve("log")), Optional.empty());
                MirrorStore store = MirrorStore.open(tmp.resolve("mirror.db"))) {
            SyncResult result = new MirrorSync(store, new LogFetcher(server.base(), LogFetcher.Settings.defaults()),
                    new PolicyVerifier(policy, CLOCK), CLOCK).sync(p -> { });
            assertThat(result).isInstanceOf(SyncResult.Synced.class);
            assertThat(((SyncResult.Synced) result).newEntries()).isEqualTo(summary.entries());

            byte[] rootDer = pemBody(world.resolve("ca/root.cert.pem"));
            PartyDirectory directory = new PartyDirectory(ConsortiumRoot.parse(rootDer).orElseThrow());
            EntryIntake intake = new EntryIntake(directory);
            Map<Long, EntryIntake.Outcome> outcomes = new TreeMap<>();
            for (long i = 0; i < summary.entries(); i++) {
                outcomes.put(i, intake.accept(i, store.entry(i).orElseThrow()));
            }
            assertThat(outcomes.values()).noneMatch(o -> o instanceof EntryIntake.Outcome.Invalid);
            List<Long> changes = new ArrayList<>();
            List<Long> untrusted = new ArrayList<>();
            outcomes.forEach((i, o) -> {
                if (o instanceof EntryIntake.Outcome.DirectoryChange d) {
                    assertThat(d.admission()).as("entry %d", i).isNotInstanceOf(Admission.Refused.class);
                    changes.add(i);
                } else if (o instanceof EntryIntake.Outcome.Untrusted u) {
                    untrusted.add(i);
                    assertThat(u.why().failure()).isIn(Authorization.Failure.BAD_SIGNATURE, Authorization.Failure.UNKNOWN_KEY);
                }
            });
            assertThat(changes).hasSize(10); // 8 parties, the terminal's second key, its revocation
            assertThat(untrusted).hasSize(2);
            assertThat(entriesOf.get("bad-signature")).contains(untrusted.get(0));
            assertThat(entriesOf.get("uncertified-signer")).contains(untrusted.get(1));
            // The revocation arrives after the shipment it invalidates: trusted on intake, revoked on re-check.
            long revokedShipment = entriesOf.get("revoked-signer").stream()
                    .filter(i -> outcomes.get(i) instanceof EntryIntake.Outcome.Trusted t
                            && directory.authorize(i, t.entry()) instanceof Authorization.Unauthorized un
                            && un.failure() == Authorization.Failure.REVOKED)
                    .findFirst().orElseThrow();
            assertThat(revokedShipment).isGreaterThan(9);
        }
    }

    @Test
    void scenarios_everyScanDecodesToItsUnitAndCoversEveryReason() throws IOException {
        JsonNode root = new ObjectMapper().readTree(world.resolve("scenarios.json").toFile());
        assertThat(root.get("worldDate").asText()).isEqualTo("2026-11-24");
        ScanDecoder decoder = ScanDecoder.forWedge();
        Set<String> reasons = new HashSet<>();
        int pass = 0;
        for (JsonNode s : root.get("scenarios")) {
            JsonNode unit = s.get("unit");
            for (String form : List.of("scan", "bracketed")) {
                ParseResult r = decoder.decode(s.get(form).asText());
                assertThat(r).as(s.get("id") + " " + form).isInstanceOf(ParseResult.Success.class);
                assertUnit(((ParseResult.Success) r).identifier(), unit);
            }
            assertThat(world.resolve(s.get("image").asText())).isRegularFile();
            s.get("reasons").forEach(x -> reasons.add(x.asText()));
            if (s.get("verdict").asText().equals("PASS")) {
                pass++;
            }
        }
        assertThat(reasons).isEqualTo(Scenario.REASONS);
        assertThat(pass).isGreaterThanOrEqualTo(6 + 10);
    }

    @Test
    void packs_imagesDecodeWithTheScannerToTheScenarioScan() throws IOException {
        JsonNode root = new ObjectMapper().readTree(world.resolve("scenarios.json").toFile());
        ImageDecoder images = new ImageDecoder();
        for (String id : List.of("genuine-ibu400", "counterfeit-unknown-serial", "expiry-mismatch")) {
            JsonNode s = find(root, id);
            ImageDecoder.FileResult r = images.decode(world.resolve(s.get("image").asText()));
            assertThat(r).as(id).isInstanceOf(ImageDecoder.Codes.class);
            DecodedCode code = ((ImageDecoder.Codes) r).codes().get(0);
            assertUnit(((ParseResult.Success) code.result()).identifier(), s.get("unit"));
        }
    }

    @Test
    void orders_firstOrderIsFilledByPassingPacksInStock() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode order = json.readTree(world.resolve("orders/DEMO-0001.json").toFile());
        JsonNode scenarios = json.readTree(world.resolve("scenarios.json").toFile());
        Map<String, Integer> needed = new HashMap<>();
        order.get("lines").forEach(l -> needed.merge(l.get("gtin").asText(), l.get("quantity").asInt(), Integer::sum));
        Map<String, Integer> printed = new HashMap<>();
        for (JsonNode s : scenarios.get("scenarios")) {
            if (s.get("id").asText().startsWith("demo-0001-")) {
                assertThat(s.get("verdict").asText()).isEqualTo("PASS");
                printed.merge(s.get("unit").get("gtin").asText(), 1, Integer::sum);
            }
        }
        assertThat(printed).isEqualTo(needed);
        ImageDecoder.FileResult label = new ImageDecoder().decode(world.resolve("orders/DEMO-0001.png"));
        assertThat(label).isInstanceOf(ImageDecoder.Codes.class);
        assertThat(((ImageDecoder.Codes) label).codes().get(0).scan()).endsWith("DEMO-0001");
        assertThat(order.toString()).doesNotContainIgnoringCase("patient");
    }

    @Test
    void recosign_keepsTheLogSignatureAndRenewsTheWitnessTime() throws IOException {
        Path copy = tmp.resolve("recosigned");
        DemoWorld.generate(copy, new DemoWorld.Spec(DemoWorld.MIN_UNITS, SEED, CLOCK, 8750));
        String before = Files.readString(copy.resolve("log/checkpoint"));
        DemoWorld.recosign(copy, Clock.offset(CLOCK, java.time.Duration.ofDays(3)));
        String after = Files.readString(copy.resolve("log/checkpoint"));
        assertThat(after).isNotEqualTo(before);
        assertThat(after.lines().limit(5).toList()).isEqualTo(before.lines().limit(5).toList()); // text, blank line, log signature
        DemoWorld.setPort(copy, 49152);
        assertThat(Files.readString(copy.resolve("station.json"))).contains("\"url\" : \"http://127.0.0.1:49152/\"");
    }

    private static JsonNode find(JsonNode root, String id) {
        for (JsonNode s : root.get("scenarios")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no scenario " + id);
    }

    private static void assertUnit(ProductIdentifier id, JsonNode unit) {
        assertThat(id.gtin()).isEqualTo(unit.get("gtin").asText());
        assertThat(id.serial()).contains(unit.get("serial").asText());
        assertThat(id.lot()).contains(unit.get("lot").asText());
        assertThat(id.expiry()).contains(LocalDate.parse(unit.get("expiry").asText()));
    }

    private static byte[] pemBody(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }
}

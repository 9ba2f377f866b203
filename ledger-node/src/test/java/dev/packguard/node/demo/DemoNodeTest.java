package dev.packguard.node.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyEvaluation;
import dev.packguard.ledger.policy.PolicyParser;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.Gtin;
import dev.packguard.ledger.statement.Times;
import dev.packguard.ledger.statement.UnitCommitment;
import dev.packguard.node.sequencer.NodeFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo world's log run as a node: it takes valid statements into checkpoints its witnesses cosign. */
class DemoNodeTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path shared;
    private static Path template;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws IOException {
        template = shared.resolve("world");
        DemoWorld.generate(template, new DemoWorld.Spec(DemoWorld.MIN_UNITS, DemoWorld.DEFAULT_SEED, CLOCK, 8750));
    }

    // Each test its own copy: a node changes its world.
    private Path world() throws IOException {
        Path world = dir.resolve("world");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path p : files.toList()) {
                Path to = world.resolve(template.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return world;
    }

    private String checkpoint(URI base) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("checkpoint")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long size(String checkpoint) {
        return Long.parseLong(checkpoint.split("\n")[1]);
    }

    private HttpResponse<String> post(URI base, byte[] entry) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "add?wait=0"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(entry)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A dispense by the demo pharmacy of the first unit of order DEMO-0001, which the pharmacy holds. */
    private static byte[] dispense(Path world) throws IOException {
        JsonNode scenarios = WorldFiles.JSON.readTree(world.resolve(DemoWorld.SCENARIOS).toFile()).get("scenarios");
        JsonNode unit = null;
        for (JsonNode s : scenarios) {
            if (s.get("id").asText().startsWith("demo-0001-")) {
                unit = s.get("unit");
                break;
            }
        }
        Instant day = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        // The same consortium DemoWorld.generate made for this seed and day: its keys come from the seed.
        DemoParty pharmacy = new DemoConsortium(DemoWorld.DEFAULT_SEED, day.minus(Duration.ofDays(900)),
                day.plus(Duration.ofDays(1800)), day.minus(Duration.ofDays(800))).party(DemoConsortium.PHARMACY);
        return pharmacy.key().sign(new Dispensing(pharmacy.partyId(), Times.truncate(CLOCK.instant()), pharmacy.site(),
                List.of(UnitCommitment.of(new Gtin(unit.get("gtin").asText()), unit.get("serial").asText())))).encode();
    }

    private String awaitSize(URI base, long size) throws Exception {
        for (int i = 0; i < 200; i++) {
            String cp = checkpoint(base);
            if (size(cp) >= size) {
                return cp;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no checkpoint of size " + size);
    }

    @Test
    void start_takesAValidStatementIntoACheckpointBothWitnessesCosign_andRefusesInvalidOnes() throws Exception {
        Path world = world();
        String before = Files.readString(world.resolve("log/checkpoint"));
        Policy policy = PolicyParser.parse(Files.readString(world.resolve(DemoWorld.POLICY))).orElseThrow();
        byte[] dispense = dispense(world);
        long index;
        try (DemoNode node = DemoNode.start(world, CLOCK)) {
            assertThat(new NodeFiles(world.resolve(DemoWorld.LOG)).isNode()).isTrue();
            // The same log: the node took over the world's checkpoint without re-signing it.
            assertThat(checkpoint(node.url())).isEqualTo(before);
            HttpResponse<String> added = post(node.url(), dispense);
            assertThat(added.statusCode()).isEqualTo(202);
            index = Long.parseLong(added.headers().firstValue("PackGuard-Index").orElseThrow());
            assertThat(index).isEqualTo(size(before));
            String after = awaitSize(node.url(), index + 1);
            PolicyEvaluation e = policy.evaluate(after.getBytes(StandardCharsets.UTF_8));
            assertThat(e).isInstanceOf(PolicyEvaluation.Satisfied.class);
            assertThat(((PolicyEvaluation.Satisfied) e).witnesses()).containsExactly("witness-1", "witness-2");

            // Validated as in production: not a statement (400), a second dispense of the unit (409).
            assertThat(post(node.url(), "{\"a\":1}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
            assertThat(post(node.url(), "{\"a\":1}".getBytes(StandardCharsets.UTF_8)).body()).contains("not a valid statement");
        }
        try (DemoNode again = DemoNode.start(world, CLOCK)) {
            // Started again: the same log, and the dispense is still known, byte for byte.
            assertThat(size(checkpoint(again.url()))).isEqualTo(index + 1);
            HttpResponse<String> resent = post(again.url(), dispense);
            assertThat(resent.statusCode()).isEqualTo(202);
            assertThat(resent.headers().firstValue("PackGuard-Index")).hasValue(Long.toString(index));
            assertThat(resent.headers().firstValue("PackGuard-Duplicate")).hasValue("true");
        }
    }

    @Test
    void close_rightAfterAnEntryWasAccepted_publishesItInACheckpointTheWitnessesCosigned() throws Exception {
        Path world = world();
        long size;
        try (DemoNode node = DemoNode.start(world, CLOCK)) {
            size = size(checkpoint(node.url()));
            assertThat(post(node.url(), dispense(world)).statusCode()).isEqualTo(202);
        }
        // Closed at once: the node integrated the entry before its witnesses stopped.
        byte[] onDisk = Files.readAllBytes(world.resolve("log/checkpoint"));
        assertThat(size(new String(onDisk, StandardCharsets.UTF_8))).isEqualTo(size + 1);
        Policy policy = PolicyParser.parse(Files.readString(world.resolve(DemoWorld.POLICY))).orElseThrow();
        assertThat(policy.evaluate(onDisk)).isInstanceOf(PolicyEvaluation.Satisfied.class);
    }

    @Test
    void start_logWhoseEntriesDoNotHashToItsCheckpoint_isNotServed() throws Exception {
        Path world = world();
        Path bundle;
        try (Stream<Path> files = Files.walk(world.resolve("log/tile/entries"))) {
            bundle = files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(bundle);
        bytes[40] ^= 0x01;
        Files.write(bundle, bytes);
        assertThatThrownBy(() -> DemoNode.start(world, CLOCK)).isInstanceOf(IOException.class)
                .hasMessageContaining("do not hash to the published root");
    }
}

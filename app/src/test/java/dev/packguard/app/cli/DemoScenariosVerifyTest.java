package dev.packguard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packguard.node.demo.DemoWorld;
import dev.packguard.node.http.NodeServer;
import dev.packguard.node.tiles.LogDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every sample scan of a demo world gives, through {@code packguard verify --json}, the verdict and reasons scenarios.json promises. */
class DemoScenariosVerifyTest {
    private static final Clock MADE = Clock.fixed(Instant.parse("2026-11-24T06:00:00Z"), ZoneOffset.UTC);
    private static final Clock STATION = Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    /** A 300-unit demo world, synced into its station's mirror over HTTP. */
    private Path syncedWorld() throws Exception {
        Path world = tmp.resolve("world");
        DemoWorld.generate(world, new DemoWorld.Spec(300, 11, MADE, 8750));
        try (NodeServer server = NodeServer.start(new InetSocketAddress("127.0.0.1", 0),
                new LogDirectory(world.resolve(DemoWorld.LOG)), Optional.empty())) {
            DemoWorld.setPort(world, server.base().getPort());
            SyncCommand sync = new SyncCommand();
            sync.clock = STATION;
            assertThat(execute(sync, "--config", world.resolve("station.json").toString()).code()).isZero();
        }
        return world;
    }

    @Test
    void epcis_exportOfAGenuinePack_listsItsCustodyChain_andImportsBackAsStatements() throws Exception {
        Path world = syncedWorld();
        JsonNode scenarios = new ObjectMapper().readTree(world.resolve(DemoWorld.SCENARIOS).toFile()).get("scenarios");
        String scan = null;
        for (JsonNode s : scenarios) {
            if (s.get("verdict").asText().equals("PASS") && s.get("mode").asText().equals("pack")) {
                scan = s.get("scan").asText();
                break;
            }
        }
        EpcisExportCommand export = new EpcisExportCommand();
        export.clock = STATION;
        CliContractTest.Run r = execute(export, "--config", world.resolve("station.json").toString(), scan);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("type").asText()).isEqualTo("EPCISDocument");
        List<String> steps = new ArrayList<>();
        doc.at("/epcisBody/eventList").forEach(e -> steps.add(e.get("bizStep").asText()));
        assertThat(steps).contains("urn:epcglobal:cbv:bizstep:commissioning", "urn:epcglobal:cbv:bizstep:shipping",
                "urn:epcglobal:cbv:bizstep:receiving");
        assertThat(r.out()).contains("urn:epc:id:sgtin:");

        java.nio.file.Path file = tmp.resolve("history.json");
        java.nio.file.Files.writeString(file, r.out());
        // Read back as the demo pharmacy (party 4059876000016): its own receipt becomes a statement to
        // sign, the other parties' events are listed as skipped.
        CliContractTest.Run imported = execute(new EpcisImportCommand(), "--party", "4059876000016", file.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out().lines().toList()).singleElement().satisfies(line ->
                assertThat(line).contains("\"type\":\"receiving\"", "4059876000016"));
        assertThat(imported.err()).contains("1 statement(s) read, " + (steps.size() - 1) + " skipped",
                "belongs to another party");

        CliContractTest.Run unknown = execute(new EpcisExportCommand(), "--config", world.resolve("station.json").toString(),
                "(01)04150037528643(17)291231(10)NOPE(21)NEVER-ISSUED");
        assertThat(unknown.code()).isEqualTo(ExitCode.DATA);
        assertThat(unknown.err()).contains("no history");
    }

    @Test
    void verify_everyScenarioGivesItsVerdictAndReasons() throws Exception {
        Path world = syncedWorld();
        JsonNode scenarios = new ObjectMapper().readTree(world.resolve(DemoWorld.SCENARIOS).toFile()).get("scenarios");
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String mode : List.of("pack", "return")) {
            List<JsonNode> batch = new ArrayList<>();
            scenarios.forEach(s -> {
                if (s.get("mode").asText().equals(mode)) {
                    batch.add(s);
                }
            });
            List<String> args = new ArrayList<>(List.of("--config", world.resolve("station.json").toString(), "--mode", mode, "--json"));
            batch.forEach(s -> args.add(s.get("scan").asText()));
            VerifyCommand verify = new VerifyCommand();
            verify.clock = STATION;
            CliContractTest.Run r = execute(verify, args.toArray(String[]::new));
            List<String> lines = r.out().lines().toList();
            assertThat(lines).as(r.err()).hasSize(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                JsonNode expected = batch.get(i);
                JsonNode actual = new ObjectMapper().readTree(lines.get(i));
                List<String> codes = new ArrayList<>();
                actual.get("reasons").forEach(x -> codes.add(x.get("code").asText()));
                List<String> want = new ArrayList<>();
                expected.get("reasons").forEach(x -> want.add(x.asText()));
                if (!actual.get("verdict").asText().equals(expected.get("verdict").asText()) || !codes.equals(want)) {
                    mismatches.add(expected.get("id").asText() + ": expected " + expected.get("verdict").asText() + " " + want
                            + ", got " + actual.get("verdict").asText() + " " + codes + " " + actual.get("reasons"));
                }
                custody(expected, actual).ifPresent(mismatches::add);
                checked++;
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(checked).isEqualTo(scenarios.size());
    }

    /**
     * What is wrong with a scenario's custody chain, if anything: a pack that passes was made by a
     * manufacturer, went through a wholesaler and was received by the demo pharmacy, every step
     * trusted, dates in order; a forged or uncertified shipment stays in the chain, marked.
     */
    private static Optional<String> custody(JsonNode expected, JsonNode actual) {
        String id = expected.get("id").asText();
        List<String> roles = new ArrayList<>();
        List<String> times = new ArrayList<>();
        List<String> untrusted = new ArrayList<>();
        actual.get("custody").forEach(step -> {
            roles.add(step.at("/party/role").asText());
            times.add(step.get("time").asText());
            if (!step.get("trusted").asBoolean()) {
                untrusted.add(step.at("/untrusted/failure").asText());
            }
        });
        if (expected.get("verdict").asText().equals("PASS") && expected.get("mode").asText().equals("pack")) {
            JsonNode last = actual.get("custody").get(actual.get("custody").size() - 1);
            boolean ok = roles.size() >= 5 && roles.get(0).equals("manufacturer") && roles.contains("wholesaler")
                    && last.at("/party/name").asText().equals("Demo Versandapotheke") && last.get("action").asText().equals("received")
                    && untrusted.isEmpty() && times.stream().sorted().toList().equals(times);
            return ok ? Optional.empty() : Optional.of(id + ": custody " + actual.get("custody"));
        }
        if (id.equals("bad-signature") && !untrusted.contains("BAD_SIGNATURE")
                || id.equals("uncertified-signer") && !untrusted.contains("UNKNOWN_KEY")) {
            return Optional.of(id + ": the untrusted step is not marked: " + actual.get("custody"));
        }
        return Optional.empty();
    }

    private static CliContractTest.Run execute(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliContractTest.Run(code, out.toString(), err.toString());
    }
}

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

    @Test
    void verify_everyScenarioGivesItsVerdictAndReasons() throws Exception {
        Path world = tmp.resolve("world");
        DemoWorld.generate(world, new DemoWorld.Spec(300, 11, MADE, 8750));
        try (NodeServer server = NodeServer.start(new InetSocketAddress("127.0.0.1", 0),
                new LogDirectory(world.resolve(DemoWorld.LOG)), Optional.empty())) {
            DemoWorld.setPort(world, server.base().getPort());
            SyncCommand sync = new SyncCommand();
            sync.clock = STATION;
            assertThat(execute(sync, "--config", world.resolve("station.json").toString()).code()).isZero();
        }
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
                checked++;
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(checked).isEqualTo(scenarios.size());
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

package dev.packguard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packguard.ledger.testing.SignedTestLog;
import dev.packguard.ledger.testing.StaticDirServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code packguard sync} end to end: a signed, witnessed log served over HTTP on 127.0.0.1. */
class SyncCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path dir;
    private Path logDir;
    private StaticDirServer server;
    private SignedTestLog log;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        logDir = Files.createDirectories(dir.resolve("log"));
        log = new SignedTestLog("ledger.example/packguard-demo", 2, Clock.fixed(NOW.minusSeconds(3600), ZoneOffset.UTC));
        log.append(700, "a").writeTo(logDir);
        server = new StaticDirServer(logDir);
        Path station = Files.createDirectories(dir.resolve("station"));
        Files.writeString(station.resolve("policy.txt"), log.policy(2));
        config = station.resolve("station.json");
        writeConfig(server.base().toString());
    }

    private void writeConfig(String url) throws Exception {
        Files.writeString(config, """
                {"format": 1,
                 "station": {"name": "Packing 1", "pharmacyName": "Demo Pharmacy", "pharmacyGln": "4012345000009"},
                 "ledger": {"url": "%s", "policy": "policy.txt", "mirror": "data/mirror.db", "timeoutSeconds": 2}}
                """.formatted(url));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private Run sync(String... extra) {
        SyncCommand command = new SyncCommand();
        command.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        CommandLine cli = Main.commandLine();
        CommandLine sub = cli.getSubcommands().get("sync");
        CommandLine own = new CommandLine(command);
        own.setParameterExceptionHandler(sub.getParameterExceptionHandler());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        own.setOut(new PrintWriter(out, true));
        own.setErr(new PrintWriter(err, true));
        String[] args = new String[extra.length + 2];
        args[0] = "--config";
        args[1] = config.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return new Run(own.execute(args), out.toString(), err.toString());
    }

    @Test
    void sync_signedWitnessedLog_mirrorsItAndReportsAge() throws Exception {
        Run r = sync("--json");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        JsonNode j = r.json();
        assertThat(j.get("result").asText()).isEqualTo("synced");
        assertThat(j.get("newEntries").asLong()).isEqualTo(700);
        assertThat(j.at("/checkpoint/size").asLong()).isEqualTo(700);
        assertThat(j.at("/checkpoint/rootHash").asText()).isEqualTo(log.root().base64());
        assertThat(j.at("/checkpoint/ageSeconds").asLong()).isEqualTo(3600);
        assertThat(Files.exists(dir.resolve("station/data/mirror.db"))).isTrue();

        Run again = sync();
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("Already up to date", "700 entries", "1 h 0 min old");
    }

    @Test
    void sync_logUnreachable_exits3WhenLocalCopyValid_and69WithoutOne() throws Exception {
        server.close();
        Run first = sync();
        assertThat(first.code()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(first.err()).contains("no local copy yet");

        server = new StaticDirServer(logDir);
        writeConfig(server.base().toString());
        assertThat(sync().code()).isZero();
        server.close();
        Run offline = sync();
        assertThat(offline.code()).isEqualTo(ExitCode.OFFLINE);
        assertThat(offline.err()).contains("Offline", "still valid");
    }

    @Test
    void sync_checkpointMissingAWitness_isSecurityFailure() throws Exception {
        Files.write(logDir.resolve("checkpoint"), log.checkpoint(log.size(), log.root(), 1));
        Run r = sync();
        assertThat(r.code()).isEqualTo(ExitCode.SECURITY);
        assertThat(r.err()).contains("SECURITY FAILURE", "not enough witnesses");
    }

    @Test
    void sync_forgedLogSignature_isSecurityFailure() throws Exception {
        byte[] note = Files.readAllBytes(logDir.resolve("checkpoint"));
        String text = new String(note, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\n700\n", "\n699\n");
        Files.writeString(logDir.resolve("checkpoint"), text);
        Run r = sync("--json");
        assertThat(r.code()).isEqualTo(ExitCode.SECURITY);
        assertThat(r.json().get("result").asText()).isEqualTo("security-failure");
    }

    @Test
    void sync_rollback_isSecurityFailureWithEvidence() throws Exception {
        assertThat(sync().code()).isZero();
        Files.write(logDir.resolve("checkpoint"), log.checkpoint(500, log.root(), 2));
        Run r = sync("--json");
        assertThat(r.code()).isEqualTo(ExitCode.SECURITY);
        assertThat(r.json().get("evidence").asText()).isEqualTo("ROLLBACK");
        assertThat(r.json().at("/checkpoint/size").asLong()).isEqualTo(700);

        CliContractTest.Run listed = CliContractTest.run("ledger", "evidence", "--config", config.toString());
        assertThat(listed.code()).isEqualTo(ExitCode.SECURITY);
        assertThat(listed.out()).contains("#1 ROLLBACK", "NOT ACKNOWLEDGED", "ledger.example/packguard-demo\n    500");
        CliContractTest.Run incomplete = CliContractTest.run("ledger", "evidence", "--config", config.toString(),
                "--ack", "1", "--by", "Dr. A");
        assertThat(incomplete.code()).isEqualTo(ExitCode.USAGE);
        CliContractTest.Run acked = CliContractTest.run("ledger", "evidence", "--config", config.toString(),
                "--ack", "1", "--by", "Dr. A", "--note", "stale CDN config, reported to the consortium");
        assertThat(acked.code()).as(acked.err()).isZero();
        CliContractTest.Run after = CliContractTest.run("ledger", "evidence", "--config", config.toString());
        assertThat(after.code()).isZero();
        assertThat(after.out()).contains("acknowledged by Dr. A");
    }

    @Test
    void sync_badConfiguration_exits65NamingTheField() throws Exception {
        Files.writeString(config, "{\"format\": 1, \"ledger\": {\"url\": \"gopher://x\", \"policy\": \"policy.txt\"}}");
        Run r = sync();
        assertThat(r.code()).isEqualTo(ExitCode.DATA);
        assertThat(r.err()).contains("ledger.url", "station.pharmacyGln");
    }

    @Test
    void sync_badPolicyFile_exits65NamingTheFile() throws Exception {
        Files.writeString(dir.resolve("station/policy.txt"), "log not-a-key\n");
        Run r = sync();
        assertThat(r.code()).isEqualTo(ExitCode.DATA);
        assertThat(r.err()).contains("policy.txt", "invalid");
    }

    @Test
    void proofExport_thenVerifyWithOnlyThePolicy_succeeds_andTamperingIsRefused() throws Exception {
        assertThat(sync().code()).isZero();
        Path proof = dir.resolve("entry-512.tlog-proof");
        CliContractTest.Run export = CliContractTest.run("proof", "export", "--config", config.toString(),
                "--index", "512", "--out", proof.toString());
        assertThat(export.code()).as(export.err()).isZero();
        Path policy = dir.resolve("station/policy.txt");

        server.close(); // a third party needs no network
        CliContractTest.Run ok = CliContractTest.run("proof", "verify", proof.toString(), "--policy", policy.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("VERIFIED: entry 512", "w1, w2", "{\"n\":512,\"tag\":\"a\"}");

        Path forged = dir.resolve("forged-entry.json");
        Files.writeString(forged, "{\"n\":513,\"tag\":\"a\"}");
        CliContractTest.Run bad = CliContractTest.run("proof", "verify", proof.toString(), "--policy",
                policy.toString(), "--entry", forged.toString());
        assertThat(bad.code()).isEqualTo(ExitCode.SECURITY);
        assertThat(bad.err()).contains("REFUSED", "not at index 512");

        Files.writeString(dir.resolve("junk.tlog-proof"), "not a proof\n");
        assertThat(CliContractTest.run("proof", "verify", dir.resolve("junk.tlog-proof").toString(), "--policy",
                policy.toString()).code()).isEqualTo(ExitCode.DATA);
        assertThat(CliContractTest.run("proof", "export", "--config", config.toString(), "--index", "700").code())
                .isEqualTo(ExitCode.DATA);
    }
}

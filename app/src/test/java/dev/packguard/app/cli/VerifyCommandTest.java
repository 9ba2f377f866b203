package dev.packguard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.testing.StationMirror;
import dev.packguard.ledger.testing.SupplyChain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code packguard verify} end to end: a supply-chain story signed, served on 127.0.0.1 and synced
 * into a station mirror, then verified offline from the command line in every input form.
 */
class VerifyCommandTest {
    static final Instant NOW = Instant.parse("2026-04-01T10:00:00Z");
    static final String GTIN = "04012345000108";
    /** 20 characters, the longest serial AI (21) allows: a lost GS after it is repairable. */
    static final String LONG_SERIAL = "PGSN0000000000000001";
    static final String GS = "\u001d";

    @TempDir
    static Path dir;
    static Path config;

    @BeforeAll
    static void syncAStation() throws Exception {
        SupplyChain chain = SupplyChain.create();
        chain.deliverToPharmacyA(new Lot("L1"), LocalDate.of(2028, 6, 30), "OK1", LONG_SERIAL, "DISP");
        chain.at(NOW.minus(Duration.ofDays(2))).dispense(chain.pharmacyA(), "DISP");
        try (MirrorStore store = StationMirror.sync(chain.entries(), dir, Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC))) {
            assertThat(store.verified()).isPresent();
        }
        Files.write(dir.resolve("root.der"), chain.consortium().root().encoded());
        config = write("station.json", "mirror.db", "\"trustAnchor\": \"root.der\",");
    }

    static Path write(String name, String mirror, String extra) throws Exception {
        return Files.writeString(dir.resolve(name), """
                {"format": 1,
                 "station": {"pharmacyName": "Apotheke am Markt Versand", "pharmacyGln": "4056789000010"},
                 "ledger": {"url": "http://127.0.0.1:9/", "policy": "policy.txt", "mirror": "%s", %s "warnAfterHours": 4}}
                """.formatted(mirror, extra));
    }

    record Run(int code, String out, String err) {
        List<JsonNode> json() throws Exception {
            List<JsonNode> out = new ArrayList<>();
            for (String line : this.out.split("\n")) {
                if (!line.isBlank()) {
                    out.add(new ObjectMapper().readTree(line));
                }
            }
            return out;
        }
    }

    static Run verify(Instant now, Path cfg, String... args) {
        VerifyCommand command = new VerifyCommand();
        command.clock = Clock.fixed(now, ZoneOffset.UTC);
        CommandLine own = new CommandLine(command);
        own.setParameterExceptionHandler(Main.commandLine().getSubcommands().get("verify").getParameterExceptionHandler());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        own.setOut(new PrintWriter(out, true));
        own.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--config", cfg.toString()));
        all.addAll(List.of(args));
        return new Run(own.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    static Run verify(String... args) {
        return verify(NOW, config, args);
    }

    @Test
    void verify_genuinePackInEveryInputForm_passesWithEvidence() throws Exception {
        Run run = verify("--json",
                "01" + GTIN + "17280630" + "10L1" + GS + "21OK1",
                "01" + GTIN + "17280630" + "10L1\\x1d21OK1",
                "01" + GTIN + "17280630" + "10L1<GS>21OK1",
                "(01)" + GTIN + "(17)280630(10)L1(21)OK1",
                "https://id.example.org/01/" + GTIN + "/10/L1/21/OK1?17=280630");
        assertThat(run.code()).as(run.err() + run.out()).isZero();
        List<JsonNode> verdicts = run.json();
        assertThat(verdicts).hasSize(5).allSatisfy(v -> {
            assertThat(v.path("verdict").asText()).isEqualTo("PASS");
            assertThat(v.path("unit").path("gtin").asText()).isEqualTo(GTIN);
            assertThat(v.path("unit").path("serial").asText()).isEqualTo("OK1");
            assertThat(v.path("unit").path("lot").asText()).isEqualTo("L1");
            assertThat(v.path("unit").path("expiry").asText()).isEqualTo("2028-06-30");
            assertThat(v.path("checkpoint").path("origin").asText()).isEqualTo(StationMirror.ORIGIN);
            assertThat(v.path("checkpoint").path("size").asLong()).isEqualTo(10);
            assertThat(v.path("checkpoint").path("rootHash").asText()).hasSize(44);
            assertThat(v.path("evidence").toString()).isEqualTo("[0,1,2,4,5,6,7,8]");
        });
    }

    @Test
    void verify_json_listsTheChainOfCustodyOldestFirst() throws Exception {
        Run run = verify("--json", "(01)" + GTIN + "(17)280630(10)L1(21)DISP");
        JsonNode custody = run.json().get(0).path("custody");

        assertThat(run.json().get(0).path("verdict").asText()).isEqualTo("FAIL");
        assertThat(custody).extracting(s -> s.path("index").asLong() + " " + s.path("action").asText() + " "
                        + s.path("party").path("name").asText() + " (" + s.path("party").path("role").asText() + ") "
                        + s.path("trusted").asBoolean())
                .containsExactly("4 commissioned Acme Pharma GmbH (manufacturer) true",
                        "5 shipped Acme Pharma GmbH (manufacturer) true",
                        "6 received Nordgross Pharmahandel (wholesaler) true",
                        "7 shipped Nordgross Pharmahandel (wholesaler) true",
                        "8 received Apotheke am Markt Versand (dispenser) true",
                        "9 dispensed Apotheke am Markt Versand (dispenser) true");
        assertThat(custody.get(0).path("time").asText()).isEqualTo(SupplyChain.START.toString());
        assertThat(custody.get(0).path("party").path("gln").asText()).isEqualTo("4012345000016");
        assertThat(custody.get(3).path("counterpart").path("name").asText()).isEqualTo("Apotheke am Markt Versand");
        assertThat(custody.get(3).path("summary").asText()).isEqualTo("shipped to Apotheke am Markt Versand");
        assertThat(custody.get(5).path("time").asText()).isEqualTo(NOW.minus(Duration.ofDays(2)).toString());
    }

    @Test
    void verify_gsLostByAKeyboardWedge_onAGenuinePack_stillPasses() {
        Run run = verify("]d2" + "01" + GTIN + "17280630" + "21" + LONG_SERIAL + "10L1");
        assertThat(run.code()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).startsWith("PASS  GTIN " + GTIN + "  serial " + LONG_SERIAL + "  lot L1");
    }

    @Test
    void verify_neverIssuedSerial_failsWithMappedCodes() throws Exception {
        Run run = verify("--json", "(01)" + GTIN + "(17)280630(10)L1(21)FAKE1");
        assertThat(run.code()).isEqualTo(ExitCode.FAIL);
        JsonNode reason = run.json().get(0).path("reasons").get(0);
        assertThat(reason.path("code").asText()).isEqualTo("UNKNOWN_SERIAL");
        assertThat(reason.path("nmvs").asText()).isEqualTo("NMVS_NC_PC_02");
        assertThat(reason.path("vrs").asText()).isEqualTo("No_match_GTIN_Serial");
        assertThat(run.json().get(0).path("explanation").asText()).startsWith("This serial number was never issued");
    }

    @Test
    void verify_modeDecidesForADispensedPack() {
        String disp = "(01)" + GTIN + "(17)280630(10)L1(21)DISP";
        assertThat(verify(disp).code()).isEqualTo(ExitCode.FAIL);
        assertThat(verify(disp).out()).contains("ALREADY_DISPENSED");
        assertThat(verify("--mode", "return", disp).code()).isZero();
        assertThat(verify("--mode", "return", "(01)" + GTIN + "(17)280630(10)L1(21)OK1").out()).contains("NOT_DISPENSED");
    }

    @Test
    void verify_oneFailAmongPasses_exitsOne() {
        assertThat(verify("(01)" + GTIN + "(17)280630(10)L1(21)OK1", "(01)" + GTIN + "(17)280630(10)L2(21)OK1").code())
                .isEqualTo(ExitCode.FAIL);
    }

    @Test
    void verify_unreadableScan_exits65WithARule1Code() throws Exception {
        Run run = verify("--json", "(01)04012345000109(17)280630(10)L1(21)OK1");
        assertThat(run.code()).isEqualTo(ExitCode.DATA);
        assertThat(run.json().get(0).path("verdict").asText()).isEqualTo("FAIL");
        assertThat(run.json().get(0).path("reasons").get(0).path("code").asText()).isEqualTo("BAD_CHECK_DIGIT");
        Run noSerial = verify("--json", "(01)" + GTIN + "(17)280630(10)L1");
        assertThat(noSerial.code()).isEqualTo(ExitCode.DATA);
        assertThat(noSerial.json().get(0).path("reasons").get(0).path("code").asText()).isEqualTo("MALFORMED_CODE");
    }

    @Test
    void verify_oldLedger_cannotVerify() throws Exception {
        Run run = verify(NOW.plus(Duration.ofDays(2)), config, "--json", "(01)" + GTIN + "(17)280630(10)L1(21)OK1");
        assertThat(run.code()).isEqualTo(ExitCode.CANNOT_VERIFY);
        assertThat(run.json().get(0).path("verdict").asText()).isEqualTo("CANNOT_VERIFY");
        assertThat(run.json().get(0).path("reasons").get(0).path("code").asText()).isEqualTo("LEDGER_TOO_OLD");
    }

    @Test
    void verify_neverSyncedStation_cannotVerify() throws Exception {
        Path empty = write("empty.json", "empty/mirror.db", "\"trustAnchor\": \"root.der\",");
        Run run = verify(NOW, empty, "--json", "(01)" + GTIN + "(17)280630(10)L1(21)OK1");
        assertThat(run.code()).isEqualTo(ExitCode.CANNOT_VERIFY);
        assertThat(run.json().get(0).path("reasons").get(0).path("code").asText()).isEqualTo("LEDGER_NOT_SYNCED");
    }

    @Test
    void verify_usageAndConfigurationErrors() throws Exception {
        assertThat(verify("--mode", "ship", "(01)" + GTIN).code()).isEqualTo(ExitCode.USAGE);
        assertThat(verify().code()).isEqualTo(ExitCode.USAGE);
        Path noAnchor = write("no-anchor.json", "mirror.db", "");
        Run run = verify(NOW, noAnchor, "(01)" + GTIN + "(17)280630(10)L1(21)OK1");
        assertThat(run.code()).isEqualTo(ExitCode.DATA);
        assertThat(run.err()).contains("ledger.trustAnchor");
    }
}

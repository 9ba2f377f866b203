package dev.packguard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.packing.PinCheck;
import dev.packguard.app.station.pharmacist.PharmacistsFile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code packguard pharmacist add|list} on real files; the PIN comes on standard input (no console in tests). */
class PharmacistCommandTest {
    @TempDir
    Path tmp;
    private final InputStream stdin = System.in;
    private Path config;

    @BeforeEach
    void config() throws Exception {
        config = tmp.resolve("station.json");
        Files.writeString(config, """
                {"format": 1,
                 "station": {"name": "Packing 1", "pharmacyName": "Demo", "pharmacyGln": "4012345000009",
                             "pharmacists": "pharmacists.json"},
                 "ledger": {"url": "http://127.0.0.1:1/", "policy": "policy.txt"}}
                """);
    }

    @AfterEach
    void restore() {
        System.setIn(stdin);
    }

    private CliContractTest.Run add(String pinLines, String... extra) {
        System.setIn(new ByteArrayInputStream(pinLines.getBytes(StandardCharsets.UTF_8)));
        List<String> args = new ArrayList<>(List.of("pharmacist", "add", "--config", config.toString(), "--id", "pharm-1",
                "--name", "A. Apothecary"));
        args.addAll(List.of(extra));
        return CliContractTest.run(args.toArray(String[]::new));
    }

    @Test
    void add_thenList_enrolsWithAPinThatChecks_andListsIt() {
        CliContractTest.Run r = add("4711\n4711\n");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Enrolled pharm-1 (A. Apothecary) in " + tmp.resolve("pharmacists.json"));
        assertThat(PharmacistsFile.pinsFor(Optional.of(tmp.resolve("pharmacists.json")))
                .authorise("pharm-1", "4711".toCharArray(), Instant.EPOCH)).isInstanceOf(PinCheck.Accepted.class);

        CliContractTest.Run list = CliContractTest.run("pharmacist", "list", "--config", config.toString());
        assertThat(list.code()).isZero();
        assertThat(list.out()).isEqualTo("pharm-1\tA. Apothecary\n");
        CliContractTest.Run json = CliContractTest.run("pharmacist", "list", "--config", config.toString(), "--json");
        assertThat(json.out().strip()).isEqualTo("[{\"id\":\"pharm-1\",\"name\":\"A. Apothecary\"}]");
    }

    @Test
    void add_sameIdAgain_needsReplace_whichSetsTheNewPin() {
        assertThat(add("4711\n4711\n").code()).isZero();
        CliContractTest.Run again = add("1234\n1234\n");
        assertThat(again.code()).isEqualTo(ExitCode.DATA);
        assertThat(again.err()).contains("already enrolled", "--replace");
        CliContractTest.Run replaced = add("1234\n1234\n", "--replace");
        assertThat(replaced.code()).as(replaced.err()).isZero();
        var pins = PharmacistsFile.pinsFor(Optional.of(tmp.resolve("pharmacists.json")));
        assertThat(pins.authorise("pharm-1", "1234".toCharArray(), Instant.EPOCH)).isInstanceOf(PinCheck.Accepted.class);
        assertThat(pins.all()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        PINs differ      | 4711\\n4712\\n | 65 | the two PINs differ
        PIN too short    | 471\\n471\\n   | 65 | a PIN is 4 to 64 characters
        PIN with a space | 47 11\\n47 11\\n | 65 | without spaces
        no PIN at all    | ''             | 65 | no PIN given
        """)
    void add_badPin_changesNothing(String what, String lines, int code, String message) {
        CliContractTest.Run r = add(lines.replace("\\n", "\n"));
        assertThat(r.code()).as(what).isEqualTo(code);
        assertThat(r.err()).contains(message);
        assertThat(tmp.resolve("pharmacists.json")).doesNotExist();
    }

    @Test
    void add_withoutPharmacistsSetting_isUsageError_namingIt() throws Exception {
        Files.writeString(config, """
                {"format": 1,
                 "station": {"name": "Packing 1", "pharmacyName": "Demo", "pharmacyGln": "4012345000009"},
                 "ledger": {"url": "http://127.0.0.1:1/", "policy": "policy.txt"}}
                """);
        CliContractTest.Run r = add("4711\n4711\n");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("sets no station.pharmacists");
    }

    @Test
    void list_ofADamagedFile_exits65NamingTheEntry() throws Exception {
        Files.writeString(tmp.resolve("pharmacists.json"), "{\"format\": 1, \"pharmacists\": [{\"id\": \"pharm-1\"}]}");
        CliContractTest.Run r = CliContractTest.run("pharmacist", "list", "--config", config.toString());
        assertThat(r.code()).isEqualTo(ExitCode.DATA);
        assertThat(r.err()).contains("pharmacists[0] (id \"pharm-1\").name: must be a string");
    }

    @Test
    void add_badId_isUsageError() {
        System.setIn(new ByteArrayInputStream("4711\n4711\n".getBytes(StandardCharsets.UTF_8)));
        CliContractTest.Run r = CliContractTest.run("pharmacist", "add", "--config", config.toString(), "--id", "a b",
                "--name", "X");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    }
}

package dev.packguard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.packguard.scanner.image.Gs1DataMatrixWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandTest {
    static CliContractTest.Run run(String... args) {
        return CliContractTest.run(args);
    }

    @Test
    void decode_textWithEscapedGs_printsTheIdentifierAndExits0() {
        CliContractTest.Run r = run("decode", "--text", "]d20109506000134352172612311012345\\x1d21SER1");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("GS1_DATAMATRIX", "09506000134352", "serial SER1", "lot 12345", "expiry 2026-12-31");
        assertThat(r.out()).contains("repaired:");
    }

    @Test
    void decode_json_printsOneObjectPerScanWithTheContractFields() throws Exception {
        CliContractTest.Run r = run("decode", "--json", "--text", "(01)09506000134352(17)261200(10)L1(21)S1",
                "--text", "https://id.gs1.org/01/09506000134352/21/S2");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        List<JsonNode> codes = r.jsonLines();
        assertThat(codes).hasSize(2);
        JsonNode first = codes.get(0);
        assertThat(first.path("gtin").asText()).isEqualTo("09506000134352");
        assertThat(first.path("serial").asText()).isEqualTo("S1");
        assertThat(first.path("lot").asText()).isEqualTo("L1");
        assertThat(first.path("expiry").asText()).isEqualTo("2026-12-31");
        assertThat(first.path("expiryDayUnspecified").asBoolean()).isTrue();
        assertThat(first.path("ais").path("17").asText()).isEqualTo("261200");
        assertThat(first.path("symbology").asText()).isEqualTo("NONE");
        assertThat(first.path("repairs").isArray()).isTrue();
        assertThat(first.path("errors").isEmpty()).isTrue();
        assertThat(codes.get(1).path("serial").asText()).isEqualTo("S2");
    }

    @Test
    void decode_unreadableScan_reportsTheRuleAndExits65() throws Exception {
        CliContractTest.Run r = run("decode", "--json", "--text", "]d20109506000134352|21S".replace('|', '\u001d'),
                "--text", "]d20109506000134353");
        assertThat(r.code()).isEqualTo(ExitCode.DATA);
        JsonNode bad = r.jsonLines().get(1);
        assertThat(bad.path("gtin").isNull()).isTrue();
        assertThat(bad.path("errors").get(0).path("rule").asText()).isEqualTo("CHECK_DIGIT");
        assertThat(bad.path("errors").get(0).path("ai").asText()).isEqualTo("01");
        assertThat(bad.path("errors").get(0).path("position").asInt()).isEqualTo(18);
    }

    @Test
    void decode_lostGsThatIsAmbiguous_tellsTheOperatorHowToConfigure() {
        CliContractTest.Run r = run("decode", "--text", "]d2010950600013435217261231101234521SER1");
        assertThat(r.code()).isEqualTo(ExitCode.DATA);
        assertThat(r.out()).contains("AMBIGUOUS_MISSING_SEPARATOR", "0x1D");
    }

    @Test
    void decode_image_findsTheDataMatrixWithItsPosition(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("pack.png");
        ImageIO.write(Gs1DataMatrixWriter.toImage(
                Gs1DataMatrixWriter.encode("0109506000134352172612311012345\u001d21SER1"), 5, 4), "png", png.toFile());
        CliContractTest.Run r = run("decode", "--json", "--image", png.toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        JsonNode code = r.jsonLines().get(0);
        assertThat(code.path("format").asText()).isEqualTo("DATA_MATRIX");
        assertThat(code.path("symbology").asText()).isEqualTo("GS1_DATAMATRIX");
        assertThat(code.path("serial").asText()).isEqualTo("SER1");
        assertThat(code.path("points").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void decode_fileThatIsNoImage_exits65(@TempDir Path dir) throws Exception {
        Path txt = Files.writeString(dir.resolve("notes.txt"), "not an image");
        CliContractTest.Run r = run("decode", "--json", "--image", txt.toString(), "--image", dir.resolve("missing.png").toString());
        assertThat(r.code()).isEqualTo(ExitCode.DATA);
        assertThat(r.jsonLines()).hasSize(2).allSatisfy(n ->
                assertThat(n.path("errors").get(0).path("rule").asText()).isEqualTo("UNREADABLE_IMAGE"));
    }

    @Test
    void decode_withoutInput_isUsageError() {
        CliContractTest.Run r = run("decode");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--text", "--image");
    }

    @Test
    void decode_layoutOption_mapsCharactersOfAGermanLayoutScanner() {
        // No evidence in the scan itself: only the option says the scanner types German keys on a US computer.
        CliContractTest.Run r = run("decode", "--layout", "GERMAN_SCANNER_US_HOST", "--text", "0109506000134352|21SyZ/1".replace('|', '\u001d'));
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("serial SzY-1", "repaired:");
        assertThat(run("decode", "--layout", "DVORAK", "--text", "x").code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void decode_gsSubstitute_isReadAsGs() {
        CliContractTest.Run r = run("decode", "--gs-substitute", "~", "--text", "]d20109506000134352172612311012345~21SER1");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("serial SER1");
    }
}

package dev.packguard.app.station.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.CheckpointRef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;

class AuditExportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private List<AuditRecord> records() throws AuditException {
        try (AuditLog log = AuditLog.open(dir.resolve("audit.db"), CLOCK)) {
            log.append(new AuditEntry(AuditKind.SCAN, "badge-17", "(01)04012345000016(21)S1", "scanned", Optional.empty()));
            log.append(new AuditEntry(AuditKind.VERDICT, "badge-17", "04012345000016/S1",
                    "FAIL: recalled, \"lot 42\"\nsee notice", Optional.of(new CheckpointRef("log.example", 7, "0f".repeat(32)))));
            return log.records();
        }
    }

    @Test
    void verifyJson_acceptsAnUnchangedExport() throws Exception {
        List<AuditRecord> records = records();
        String json = AuditExport.toJson(records);
        assertThat(AuditExport.verifyJson(json))
                .isEqualTo(new AuditExport.Checked(new AuditCheck.Intact(2, records.get(1).hashHex())));
    }

    @Test
    void verifyJson_namesTheEditedRecord() throws Exception {
        String json = AuditExport.toJson(records()).replace("FAIL: recalled", "PASS");
        AuditExport.ExportCheck check = AuditExport.verifyJson(json);
        assertThat(check).isInstanceOf(AuditExport.Checked.class);
        assertThat(((AuditExport.Checked) check).result()).isInstanceOf(AuditCheck.Tampered.class)
                .extracting(r -> ((AuditCheck.Tampered) r).seq()).isEqualTo(2L);
    }

    @Test
    void verifyJson_refusesWhatIsNotAnExport() {
        assertThat(AuditExport.verifyJson("{\"format\":\"other\"}")).isInstanceOf(AuditExport.Malformed.class);
        assertThat(AuditExport.verifyJson("[1,")).isInstanceOf(AuditExport.Malformed.class);
        assertThat(AuditExport.verifyJson("{\"format\":\"packguard-audit/1\",\"records\":[{\"seq\":1}],"
                + "\"head\":{\"count\":1,\"hash\":\"00\"}}")).isInstanceOf(AuditExport.Malformed.class);
    }

    @Test
    void toCsv_quotesFieldsPerRfc4180AndCarriesTheChain() throws Exception {
        List<AuditRecord> records = records();
        String[] lines = AuditExport.toCsv(records).split("\r\n", -1);
        assertThat(lines[0]).isEqualTo(
                "seq,time,kind,operator,subject,detail,checkpoint_origin,checkpoint_size,checkpoint_root,prev,hash");
        assertThat(lines[1]).isEqualTo("1,2026-11-24T08:00:00Z,SCAN,badge-17,(01)04012345000016(21)S1,scanned,,,,"
                + AuditChain.GENESIS_HEX + "," + records.get(0).hashHex());
        assertThat(lines[2]).startsWith("2,2026-11-24T08:00:00Z,VERDICT,badge-17,04012345000016/S1,"
                + "\"FAIL: recalled, \"\"lot 42\"\"\nsee notice\",log.example,7,");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "quote \" and backslash \\", "controls \u0000\u0001\b\t\n\u000b\f\r\u001d\u001f",
        "del \u007f", "Grün Größe", "emoji \uD83D\uDC8A", "line sep \u2028 \u2029", "</script>", ""})
    void canonical_equalsAGeneralJcsImplementation(String text) throws Exception {
        AuditEntry e = new AuditEntry(AuditKind.VERDICT, "badge-" + text, text, text + "!", Optional.of(
                new CheckpointRef("log/" + text, 9_007_199_254_740_991L, "0a".repeat(32))));
        ObjectMapper json = new ObjectMapper();
        ObjectNode o = json.createObjectNode();
        o.put("seq", 42).put("time", "2026-11-24T08:00:00.120Z").put("kind", "VERDICT").put("operator", "badge-" + text)
                .put("subject", text).put("detail", text + "!");
        o.putObject("checkpoint").put("origin", "log/" + text).put("size", 9_007_199_254_740_991L).put("root", "0a".repeat(32));
        String expected = new JsonCanonicalizer(json.writeValueAsString(o)).getEncodedString();
        assertThat(AuditChain.canonical(42, Instant.parse("2026-11-24T08:00:00.120Z"), e)).isEqualTo(expected);
    }

    @Test
    void canonical_isRfc8785WithSortedKeys() {
        String c = AuditChain.canonical(3, Instant.parse("2026-11-24T08:00:00Z"),
                new AuditEntry(AuditKind.QUARANTINE, "b", "s", "d\u001d", Optional.empty()));
        assertThat(c).isEqualTo("{\"detail\":\"d\\u001d\",\"kind\":\"QUARANTINE\",\"operator\":\"b\",\"seq\":3,"
                + "\"subject\":\"s\",\"time\":\"2026-11-24T08:00:00Z\"}");
    }
}

package dev.packguard.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StationConfigWriterTest {
    // Every field set, none to its default; one path outside the folder, the rest inside it.
    private static final String FULL = """
            {
              "format": 1,
              "station": {"name": "Packing 2", "pharmacyName": "Demo Versandapotheke", "pharmacyGln": "4012345000009",
                          "signingKey": "keys/pharmacy.key.pem", "pharmacists": "/srv/shared/pharmacists.json",
                          "operators": "staff/operators.json"},
              "ledger": {"url": "https://ledger.example/log/", "policy": "policy.txt", "mirror": "data/mirror.db",
                         "trustAnchor": "consortium-root.pem", "timeoutSeconds": 20, "parallelDownloads": 4,
                         "warnAfterHours": 2, "blockAfterHours": 12},
              "rules": {"minShelfLifeDays": 30, "returnWindowDays": 14, "undoWindowDays": 7},
              "input": {"wedgeMaxGapMillis": 60, "serialPort": "/dev/ttyACM0", "serialBaud": 115200,
                        "camera": "/dev/video0", "ffmpeg": "/opt/ffmpeg/bin/ffmpeg"},
              "sounds": false
            }
            """;

    @TempDir
    Path dir;

    private static StationConfig valid(ConfigResult r) {
        assertThat(r).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) r).config();
    }

    @Test
    void write_everyFieldSet_readsBackEqual_withRelativePathsKeptRelative() throws Exception {
        Path original = Files.writeString(dir.resolve("station.json"), FULL);
        StationConfig read = valid(StationConfigParser.read(original));
        Path copy = dir.resolve("copy.json");

        StationConfigWriter.Outcome out = StationConfigWriter.write(read, copy);

        assertThat(out).isInstanceOf(StationConfigWriter.Written.class);
        StationConfig reread = valid(StationConfigParser.read(copy));
        assertThat(reread).isEqualTo(new StationConfig(copy.toAbsolutePath(), read.station(), read.ledger(),
                read.rules(), read.input(), read.sounds()));
        assertThat(Files.readString(copy)).contains("\"policy\": \"policy.txt\"", "\"mirror\": \""
                + Path.of("data", "mirror.db") + "\"", "\"pharmacists\": \"/srv/shared/pharmacists.json\"",
                "\"operators\": \"" + Path.of("staff", "operators.json") + "\"");
    }

    @Test
    void write_minimalFile_readsBackEqual() throws Exception {
        Path original = Files.writeString(dir.resolve("station.json"), """
                {"format": 1, "station": {"pharmacyName": "P", "pharmacyGln": "4012345000009"},
                 "ledger": {"url": "http://127.0.0.1:8750/", "policy": "policy.txt"}}""");
        StationConfig read = valid(StationConfigParser.read(original));
        StationConfigWriter.write(read, original);
        assertThat(valid(StationConfigParser.read(original))).isEqualTo(read);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            STATION_NAME          | Returns bench
            PHARMACY_NAME         | Rosen-Apotheke Leipzig
            PHARMACY_GLN          | 4059876000023
            SIGNING_KEY           | keys/other.key.pem
            PHARMACISTS           | staff/pharmacists.json
            OPERATORS             | /srv/shared/operators.json
            LEDGER_URL            | http://10.0.0.7:8080/ledger/
            POLICY                | policies/consortium.txt
            MIRROR                | /var/lib/packguard/mirror.db
            TRUST_ANCHOR          | ca/root.pem
            TIMEOUT_SECONDS       | 300
            PARALLEL_DOWNLOADS    | 64
            WARN_AFTER_HOURS      | 0
            BLOCK_AFTER_HOURS     | 8760
            MIN_SHELF_LIFE_DAYS   | 0
            RETURN_WINDOW_DAYS    | 3650
            UNDO_WINDOW_DAYS      | 1
            WEDGE_MAX_GAP_MILLIS  | 5
            SERIAL_PORT           | COM3
            SERIAL_BAUD           | 921600
            CAMERA                | auto
            CAMERA                | off
            CAMERA                | Integrated Camera
            FFMPEG                | tools/ffmpeg.exe
            SOUNDS                | true
            """)
    void write_eachFieldChanged_survivesTheRoundTrip(ConfigField field, String value) throws Exception {
        Path file = Files.writeString(dir.resolve("station.json"), FULL);
        ConfigDraft draft = ConfigDraft.of(valid(StationConfigParser.read(file)), dir).with(field, value);

        assertThat(StationConfigWriter.write(draft, file)).isInstanceOf(StationConfigWriter.Written.class);

        ConfigDraft reread = ConfigDraft.of(valid(StationConfigParser.read(file)), dir);
        assertThat(reread.get(field)).isEqualTo(value);
        assertThat(reread.with(field, draft.get(field))).isEqualTo(draft);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            LEDGER_URL        | ftp://ledger.example/  | ledger.url              | is not an http:// or https:// URL
            PHARMACY_GLN      | 4012345000008          | station.pharmacyGln     | check digit
            TIMEOUT_SECONDS   | soon                   | ledger.timeoutSeconds   | whole number from 1 to 300
            BLOCK_AFTER_HOURS | 1                      | ledger.blockAfterHours  | must not be below ledger.warnAfterHours
            SOUNDS            | loud                   | sounds                  | true or false
            CAMERA            | OFF                    | input.camera            | in lower case
            POLICY            | ''                     | ledger.policy           | is required
            """)
    void write_invalidField_isRefusedNamingIt_andLeavesTheFileAlone(ConfigField field, String value, String path,
            String problem) throws Exception {
        Path file = Files.writeString(dir.resolve("station.json"), FULL);
        ConfigDraft draft = ConfigDraft.fromJson(FULL).with(field, value);

        StationConfigWriter.Outcome out = StationConfigWriter.write(draft, file);

        assertThat(out).isInstanceOf(StationConfigWriter.Refused.class);
        assertThat(((StationConfigWriter.Refused) out).errors())
                .anySatisfy(e -> {
                    assertThat(e.field()).isEqualTo(path);
                    assertThat(e.problem()).contains(problem);
                });
        assertThat(Files.readString(file)).isEqualTo(FULL);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void write_whenTheRenameFails_leavesNoTemporaryFileBehind() throws Exception {
        // A folder where the file should go: the final rename fails, as a full disk or a crash would stop it.
        Path blocked = Files.createDirectories(dir.resolve("station.json"));
        Files.writeString(blocked.resolve("keep"), "x");
        ConfigDraft draft = ConfigDraft.fromJson(FULL);

        StationConfigWriter.Outcome out = StationConfigWriter.write(draft, blocked);

        assertThat(out).isInstanceOf(StationConfigWriter.Failed.class);
        assertThat(((StationConfigWriter.Failed) out).problem()).contains(blocked.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(blocked);
        }
    }

    @Test
    void fromJson_keepsTheFileTextAsWritten_evenWhenInvalid() {
        ConfigDraft draft = ConfigDraft.fromJson("""
                {"format": 1, "station": {"pharmacyGln": "123"}, "ledger": {"policy": "../p.txt", "timeoutSeconds": 0},
                 "sounds": false, "colour": "blue"}""");
        assertThat(draft.get(ConfigField.PHARMACY_GLN)).isEqualTo("123");
        assertThat(draft.get(ConfigField.POLICY)).isEqualTo("../p.txt");
        assertThat(draft.get(ConfigField.TIMEOUT_SECONDS)).isEqualTo("0");
        assertThat(draft.get(ConfigField.SOUNDS)).isEqualTo("false");
        assertThat(draft.get(ConfigField.LEDGER_URL)).isEmpty();
        assertThat(ConfigDraft.fromJson("not json")).isEqualTo(ConfigDraft.empty());
    }

    @Test
    void defaults_areTheParsersDefaults_withTheRequiredFieldsEmpty() {
        ConfigDraft d = ConfigDraft.defaults(Path.of("/data/packguard/mirror.db"));
        assertThat(d.get(ConfigField.STATION_NAME)).isEqualTo("Packing station");
        assertThat(d.get(ConfigField.TIMEOUT_SECONDS)).isEqualTo("15");
        assertThat(d.get(ConfigField.BLOCK_AFTER_HOURS)).isEqualTo("24");
        assertThat(d.get(ConfigField.WEDGE_MAX_GAP_MILLIS)).isEqualTo("40");
        assertThat(d.get(ConfigField.SOUNDS)).isEqualTo("true");
        assertThat(d.get(ConfigField.MIRROR)).isEqualTo(Path.of("/data/packguard/mirror.db").toString());
        assertThat(d.get(ConfigField.PHARMACY_GLN)).isEmpty();
        assertThat(d.get(ConfigField.LEDGER_URL)).isEmpty();
        assertThat(d.get(ConfigField.TRUST_ANCHOR)).isEmpty();
        assertThat(ConfigDraft.fromJson("{\"ledger\": {\"timeoutSeconds\": 99}}").withDefaults().get(ConfigField.TIMEOUT_SECONDS))
                .isEqualTo("99");
    }

    @Test
    void json_isTheDocumentedLayout() {
        String text = StationConfigWriter.json(ConfigDraft.fromJson(FULL));
        assertThat(text).startsWith("{\n  \"format\": 1,\n  \"station\": {\n    \"name\": \"Packing 2\",")
                .endsWith("\n  \"sounds\": false\n}\n");
        assertThat(text.indexOf("\"ledger\"")).isLessThan(text.indexOf("\"rules\""));
    }
}

package dev.packguard.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.input.CameraSetting;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StationConfigParserTest {
    private static final Path SOURCE = Path.of("/etc/packguard/station.json");
    private static final String VALID = """
            {
              "format": 1,
              "station": {"name": "Packing 2", "pharmacyName": "Demo Pharmacy", "pharmacyGln": "4012345000009"},
              "ledger": {"url": "http://127.0.0.1:8480/log/", "policy": "policy.txt", "warnAfterHours": 2,
                         "blockAfterHours": 12},
              "rules": {"minShelfLifeDays": 30},
              "input": {"wedgeMaxGapMillis": 60},
              "sounds": false
            }
            """;

    @Test
    void parse_validFile_resolvesPathsAgainstItsDirectoryAndFillsDefaults() {
        ConfigResult r = StationConfigParser.parse(VALID, SOURCE);
        assertThat(r).isInstanceOf(ConfigResult.Valid.class);
        StationConfig c = ((ConfigResult.Valid) r).config();
        assertThat(c.station().pharmacyGln()).isEqualTo("4012345000009");
        assertThat(c.ledger().policy()).isEqualTo(Path.of("/etc/packguard/policy.txt"));
        assertThat(c.ledger().mirror()).isEqualTo(Path.of("/etc/packguard/mirror.db"));
        assertThat(c.ledger().warnAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(c.ledger().blockAfter()).isEqualTo(Duration.ofHours(12));
        assertThat(c.rules().undoWindowDays()).isEqualTo(10);
        assertThat(c.sounds()).isFalse();
        assertThat(c.input().wedgeMaxGap()).isEqualTo(Duration.ofMillis(60));
        assertThat(c.input().serialPort()).isEmpty();
        assertThat(c.input().serialBaud()).isEqualTo(9600);
        assertThat(c.input().camera()).isEqualTo(new CameraSetting.Off());
        assertThat(c.input().ffmpeg()).isEmpty();
        assertThat(c.station().signingKey()).isEmpty();
        assertThat(c.station().pharmacists()).isEmpty();
        assertThat(c.station().operators()).isEmpty();
    }

    @Test
    void parse_keysAndScanners_resolvesTheirPaths() {
        ConfigResult r = StationConfigParser.parse(VALID
                .replace("\"pharmacyGln\": \"4012345000009\"", "\"pharmacyGln\": \"4012345000009\", "
                        + "\"signingKey\": \"keys/pharmacy.key.pem\", \"pharmacists\": \"pharmacists.json\", "
                        + "\"operators\": \"staff/operators.json\"")
                .replace("\"wedgeMaxGapMillis\": 60", "\"serialPort\": \"/dev/ttyACM0\", \"serialBaud\": 115200, "
                        + "\"camera\": \"/dev/video2\", \"ffmpeg\": \"tools/ffmpeg\""), SOURCE);
        StationConfig c = ((ConfigResult.Valid) r).config();
        assertThat(c.station().signingKey()).contains(Path.of("/etc/packguard/keys/pharmacy.key.pem"));
        assertThat(c.station().pharmacists()).contains(Path.of("/etc/packguard/pharmacists.json"));
        assertThat(c.station().operators()).contains(Path.of("/etc/packguard/staff/operators.json"));
        assertThat(c.input().serialPort()).contains("/dev/ttyACM0");
        assertThat(c.input().serialBaud()).isEqualTo(115200);
        assertThat(c.input().camera()).isEqualTo(new CameraSetting.Device("/dev/video2"));
        assertThat(c.input().ffmpeg()).contains(Path.of("/etc/packguard/tools/ffmpeg"));
        assertThat(c.input().wedgeMaxGap()).isEqualTo(Duration.ofMillis(40));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad GLN check digit   | "pharmacyGln": "4012345000009" | "pharmacyGln": "4012345000008" | station.pharmacyGln | check digit
            ftp URL               | "url": "http://127.0.0.1:8480/log/" | "url": "ftp://example.org/log" | ledger.url | http:// or https://
            misspelt key          | "warnAfterHours": 2 | "warnAfterHour": 2 | ledger.warnAfterHour | unknown setting
            block below warn      | "blockAfterHours": 12 | "blockAfterHours": 1 | ledger.blockAfterHours | must not be below
            negative shelf life   | "minShelfLifeDays": 30 | "minShelfLifeDays": -3 | rules.minShelfLifeDays | whole number from 0
            undo beyond 10 days   | "minShelfLifeDays": 30 | "undoWindowDays": 11 | rules.undoWindowDays | from 0 to 10
            sounds not boolean    | "sounds": false | "sounds": "no" | sounds | true or false
            missing policy        | "policy": "policy.txt", | '' | ledger.policy | is required
            wrong format          | "format": 1 | "format": 2 | format | from 1 to 1
            wedge gap too long    | "wedgeMaxGapMillis": 60 | "wedgeMaxGapMillis": 900 | input.wedgeMaxGapMillis | from 5 to 200
            serial baud too slow  | "wedgeMaxGapMillis": 60 | "serialBaud": 300 | input.serialBaud | from 1200
            camera in capitals    | "wedgeMaxGapMillis": 60 | "camera": "Auto" | input.camera | "auto" in lower case
            camera not a string   | "wedgeMaxGapMillis": 60 | "camera": 0 | input.camera | non-empty string
            camera control char   | "wedgeMaxGapMillis": 60 | "camera": "cam\\u0007" | input.camera | control characters
            empty ffmpeg          | "wedgeMaxGapMillis": 60 | "ffmpeg": "" | input.ffmpeg | non-empty
            empty signing key     | "pharmacyGln": "4012345000009" | "pharmacyGln": "4012345000009", "signingKey": "" | station.signingKey | non-empty
            """)
    void parse_badField_namesTheField(String why, String from, String to, String field, String message) {
        ConfigResult r = StationConfigParser.parse(VALID.replace(from, to), SOURCE);
        assertThat(r).as(why).isInstanceOf(ConfigResult.Invalid.class);
        assertThat(((ConfigResult.Invalid) r).errors())
                .anySatisfy(e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(message);
                });
    }

    @Test
    void parse_severalProblems_reportsEveryOne() {
        ConfigResult r = StationConfigParser.parse("""
                {"format": 1, "station": {"pharmacyGln": "123"}, "ledger": {"url": "nonsense"}}""", SOURCE);
        assertThat(((ConfigResult.Invalid) r).errors()).extracting(ConfigError::field)
                .contains("station.pharmacyGln", "station.pharmacyName", "ledger.url", "ledger.policy");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"format": 1,                    | not valid JSON at line 1
            [1, 2]                           | must be a JSON object
            {"format": 1, "format": 1}       | not valid JSON
            """)
    void parse_notAConfiguration_saysWhy(String text, String message) {
        ConfigResult r = StationConfigParser.parse(text, SOURCE);
        assertThat(((ConfigResult.Invalid) r).describe()).contains(message);
    }
}

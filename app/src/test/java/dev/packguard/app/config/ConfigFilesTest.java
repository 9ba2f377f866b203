package dev.packguard.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.testing.SignedTestLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void policy() throws Exception {
        Files.writeString(dir.resolve("policy.txt"), new SignedTestLog("files.example/log", 1, Clock.systemUTC()).policy(1));
    }

    private StationConfig config(String stationExtra, String ledgerExtra) {
        String text = """
                {"format": 1, "station": {"pharmacyName": "P", "pharmacyGln": "4012345000009" %s},
                 "ledger": {"url": "http://127.0.0.1:8750/", "policy": "policy.txt" %s}}"""
                .formatted(stationExtra, ledgerExtra);
        return ((ConfigResult.Valid) StationConfigParser.parse(text, dir.resolve("station.json"))).config();
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private Path key(String algorithm, String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (curve != null) {
            g.initialize(new ECGenParameterSpec(curve));
        }
        return Files.writeString(dir.resolve(algorithm + curve + ".pem"), pem("PRIVATE KEY",
                g.generateKeyPair().getPrivate().getEncoded()));
    }

    @Test
    void check_usableFiles_findsNothing() throws Exception {
        Files.writeString(dir.resolve("pharmacists.json"), "[]");
        Files.writeString(dir.resolve("operators.json"), "{\"format\": 1, \"operators\": []}");
        key("Ed25519", null);
        assertThat(ConfigFiles.check(config(", \"signingKey\": \"Ed25519null.pem\", \"pharmacists\": \"pharmacists.json\", "
                + "\"operators\": \"operators.json\"", ""))).isEmpty();
        key("EC", "secp256r1");
        assertThat(ConfigFiles.check(config(", \"signingKey\": \"ECsecp256r1.pem\"", ""))).isEmpty();
    }

    @Test
    void check_missingAndBrokenFiles_namesEachField() throws Exception {
        Files.writeString(dir.resolve("policy.txt"), "log nonsense\n");
        Files.writeString(dir.resolve("root.pem"), pem("CERTIFICATE", new byte[] {1, 2, 3}));
        List<ConfigError> errors = ConfigFiles.check(config(", \"signingKey\": \"nokey.pem\", \"pharmacists\": \"nobody.json\"",
                ", \"trustAnchor\": \"root.pem\", \"mirror\": \"gone/mirror.db\""));
        assertThat(errors).extracting(ConfigError::field).containsExactlyInAnyOrder("ledger.policy",
                "ledger.trustAnchor", "ledger.mirror", "station.signingKey", "station.pharmacists");
        assertThat(errors).allSatisfy(e -> assertThat(e.problem()).isNotBlank());
        assertThat(errors).filteredOn(e -> e.field().equals("ledger.mirror"))
                .singleElement().extracting(ConfigError::problem).asString().contains("gone", "does not exist");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing roster | ''                                                      | does not exist; create it with "packguard operator add"
            broken roster  | {"format": 1, "operators": [{"badge": "x y"}]}          | operators[0] (badge "x y").badge: must be 2 to 64
            """)
    void check_unusableOperatorsRoster_namesStationOperators(String what, String text, String problem) throws Exception {
        if (!text.isEmpty()) {
            Files.writeString(dir.resolve("operators.json"), text);
        }
        assertThat(ConfigFiles.check(config(", \"operators\": \"operators.json\"", ""))).singleElement()
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("station.operators");
                    assertThat(e.problem()).contains(problem);
                });
    }

    @Test
    void check_ffmpegThatIsNoProgram_namesInputFfmpeg() throws Exception {
        Path notAProgram = Files.writeString(dir.resolve("ffmpeg"), "text");
        String text = """
                {"format": 1, "station": {"pharmacyName": "P", "pharmacyGln": "4012345000009"},
                 "ledger": {"url": "http://127.0.0.1:8750/", "policy": "policy.txt"},
                 "input": {"camera": "auto", "ffmpeg": "ffmpeg"}}""";
        StationConfig config = ((ConfigResult.Valid) StationConfigParser.parse(text, dir.resolve("station.json"))).config();

        assertThat(ConfigFiles.check(config)).singleElement().hasToString("input.ffmpeg: " + notAProgram
                + " is not an executable file; the camera is read with ffmpeg");
        Files.setPosixFilePermissions(notAProgram, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(ConfigFiles.check(config)).isEmpty();
    }

    @Test
    void check_missingPolicy_saysNoSuchFile() throws Exception {
        Files.delete(dir.resolve("policy.txt"));
        assertThat(ConfigFiles.check(config("", ""))).singleElement()
                .satisfies(e -> assertThat(e.toString()).startsWith("ledger.policy: cannot read").contains("no such file"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            P-384 key           | EC      | secp384r1 | not an Ed25519 or P-256
            X25519 key          | X25519  |           | not an Ed25519 or P-256
            """)
    void problem_keysOfOtherAlgorithms_areRefused(String name, String algorithm, String curve, String problem)
            throws Exception {
        assertThat(PrivateKeyFile.problem(key(algorithm, curve))).hasValueSatisfying(p -> assertThat(p).contains(problem));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            certificate       | CERTIFICATE            | one "-----BEGIN PRIVATE KEY-----" block
            encrypted         | ENCRYPTED PRIVATE KEY  | encrypted key
            SEC 1             | EC PRIVATE KEY         | not PKCS#8
            garbage in block  | PRIVATE KEY            | not an Ed25519 or P-256
            """)
    void problem_otherPemFiles_sayWhatTheyAre(String name, String label, String problem) throws Exception {
        Path file = Files.writeString(dir.resolve("k.pem"), pem(label, new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}));
        assertThat(PrivateKeyFile.problem(file)).hasValueSatisfying(p -> assertThat(p).contains(problem));
    }
}

package dev.packguard.app.station.pharmacist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.files.EntryListFile;
import dev.packguard.app.station.packing.PharmacistPins;
import dev.packguard.app.station.packing.PinCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PharmacistsFileTest {
    private static final String SALT = "AAECAwQFBgcICQoLDA0ODw==";        // bytes 0..15
    private static final String HASH = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="; // bytes 0..31
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    @TempDir
    Path tmp;

    private static String entry(String id, String salt, String iterations, String hash) {
        return "{\"id\": \"" + id + "\", \"name\": \"A. Apothecary\", \"salt\": \"" + salt + "\", \"iterations\": "
                + iterations + ", \"hash\": \"" + hash + "\"}";
    }

    private static EntryListFile.Read<PharmacistPins.Pharmacist> parse(String text) {
        return PharmacistsFile.parse(Path.of("pharmacists.json"), text);
    }

    @Test
    void write_thenRead_givesTheSamePharmacists_andTheirPinsCheck() throws Exception {
        Path file = tmp.resolve("pharmacists.json");
        PharmacistPins.Pharmacist a = PharmacistPins.enrol("pharm-1", "A. Apothecary", "4711".toCharArray(), 10_000);
        PharmacistPins.Pharmacist b = PharmacistPins.enrol("pharm-2", "B. Chemist", "0815".toCharArray(), 10_000);
        PharmacistsFile.write(file, List.of(a, b));

        EntryListFile.Read<PharmacistPins.Pharmacist> read = PharmacistsFile.read(file);
        assertThat(read).isInstanceOf(EntryListFile.Read.Loaded.class);
        var loaded = ((EntryListFile.Read.Loaded<PharmacistPins.Pharmacist>) read).entries();
        assertThat(loaded).extracting(PharmacistPins.Pharmacist::id).containsExactly("pharm-1", "pharm-2");
        assertThat(loaded.get(1).salt()).isEqualTo(b.salt());
        PharmacistPins pins = PharmacistsFile.pinsFor(Optional.of(file));
        assertThat(pins.authorise("pharm-2", "0815".toCharArray(), NOW)).isInstanceOf(PinCheck.Accepted.class);
        assertThat(pins.authorise("pharm-2", "4711".toCharArray(), NOW)).isInstanceOf(PinCheck.Rejected.class);
        assertThat(Files.readString(file)).doesNotContain("4711", "0815");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var left = Files.list(tmp)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void parse_validEntry_isLoaded() {
        assertThat(parse("{\"format\": 1, \"pharmacists\": [" + entry("pharm-1", SALT, "600000", HASH) + "]}"))
                .isInstanceOf(EntryListFile.Read.Loaded.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        wrong format           | {"format": 2, "pharmacists": []}                                   | format: must be 1
        unknown top-level key  | {"format": 1, "pharmacists": [], "pins": []}                        | pins: unknown key
        duplicate key          | {"format": 1, "format": 1, "pharmacists": []}                       | not valid JSON
        not JSON               | {"format": 1,                                                       | not valid JSON at line 1
        list missing           | {"format": 1}                                                       | pharmacists: must be a list
        trailing garbage       | {"format": 1, "pharmacists": []} []                                 | not valid JSON
        """)
    void parse_badFile_isRefusedSayingWhere(String what, String text, String problem) {
        EntryListFile.Read<PharmacistPins.Pharmacist> read = parse(text);
        assertThat(read).as(what).isInstanceOf(EntryListFile.Read.Invalid.class);
        assertThat(((EntryListFile.Read.Invalid<PharmacistPins.Pharmacist>) read).describe()).contains(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        bad id                 | p 1      | AAECAwQFBgcICQoLDA0ODw==     | 600000   | AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= | pharmacists[0] (id "p 1").id: must be 2 to 64
        short salt             | pharm-1  | AAECAwQFBgcICQoLDA0O         | 600000   | AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= | pharmacists[0] (id "pharm-1").salt: must be 16 to 64 bytes, is 15
        salt not base64        | pharm-1  | ***                          | 600000   | AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= | .salt: must be canonical base64
        salt without padding   | pharm-1  | AAECAwQFBgcICQoLDA0ODw       | 600000   | AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= | .salt: must be canonical base64
        salt with stray bits   | pharm-1  | AAECAwQFBgcICQoLDA0ODx==     | 600000   | AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= | .salt: must be canonical base64
        short hash             | pharm-1  | AAECAwQFBgcICQoLDA0ODw==     | 600000   | AAECAwQFBgcICQoLDA0ODw==                     | .hash: must be 32 bytes
        too few iterations     | pharm-1  | AAECAwQFBgcICQoLDA0ODw==     | 1000     | AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= | .iterations: must be a whole number from 10000
        too many iterations    | pharm-1  | AAECAwQFBgcICQoLDA0ODw==     | 99999999 | AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= | .iterations: must be a whole number
        iterations as text     | pharm-1  | AAECAwQFBgcICQoLDA0ODw==     | "600000" | AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= | .iterations: must be a whole number
        """)
    void parse_badEntry_namesTheEntryAndField(String what, String id, String salt, String iterations, String hash,
            String problem) {
        EntryListFile.Read<PharmacistPins.Pharmacist> read = parse("{\"format\": 1, \"pharmacists\": [" + entry(id, salt, iterations, hash) + "]}");
        assertThat(read).as(what).isInstanceOf(EntryListFile.Read.Invalid.class);
        assertThat(((EntryListFile.Read.Invalid<PharmacistPins.Pharmacist>) read).describe()).contains(problem);
    }

    @Test
    void parse_sameIdTwice_isRefusedNamingTheSecond() {
        EntryListFile.Read<PharmacistPins.Pharmacist> read = parse("{\"format\": 1, \"pharmacists\": [" + entry("pharm-1", SALT, "600000", HASH)
                + ", " + entry("pharm-1", SALT, "600000", HASH) + "]}");
        assertThat(((EntryListFile.Read.Invalid<PharmacistPins.Pharmacist>) read).problems()).extracting(EntryListFile.Problem::toString)
                .containsExactly("pharmacists[1] (id \"pharm-1\").id: is listed twice");
    }

    @Test
    void pinsFor_withoutAUsableFile_explainsNamingTheSetting() throws Exception {
        assertThat(why(PharmacistsFile.pinsFor(Optional.empty()))).contains("no station.pharmacists file",
                "packguard pharmacist add");
        assertThat(why(PharmacistsFile.pinsFor(Optional.of(tmp.resolve("none.json")))))
                .contains("station.pharmacists names " + tmp.resolve("none.json") + ", which does not exist");
        Files.writeString(tmp.resolve("bad.json"), "{\"format\": 1, \"pharmacists\": [{\"id\": \"x\"}]}");
        assertThat(why(PharmacistsFile.pinsFor(Optional.of(tmp.resolve("bad.json")))))
                .contains("cannot be used", "pharmacists[0] (id \"x\")", "station.pharmacists");
        Files.writeString(tmp.resolve("empty.json"), "{\"format\": 1, \"pharmacists\": []}");
        assertThat(why(PharmacistsFile.pinsFor(Optional.of(tmp.resolve("empty.json"))))).contains("lists nobody");
    }

    @Test
    void authorise_fiveWrongPins_lockPinEntryForFiveMinutes_evenForTheRightPin() {
        PharmacistPins pins = new PharmacistPins(List.of(PharmacistPins.enrol("pharm-1", "A", "4711".toCharArray(), 1000)));
        for (int i = 4; i >= 1; i--) {
            assertThat(pins.authorise("pharm-1", "0000".toCharArray(), NOW)).isEqualTo(new PinCheck.Rejected(i));
        }
        assertThat(pins.authorise("nobody", "0000".toCharArray(), NOW))
                .isEqualTo(new PinCheck.LockedOut(NOW.plus(Duration.ofMinutes(5))));
        assertThat(pins.authorise("pharm-1", "4711".toCharArray(), NOW.plus(Duration.ofMinutes(4))))
                .isInstanceOf(PinCheck.LockedOut.class);
        assertThat(pins.authorise("pharm-1", "4711".toCharArray(), NOW.plus(Duration.ofMinutes(5))))
                .isInstanceOf(PinCheck.Accepted.class);
        assertThat(pins.authorise("pharm-1", "0000".toCharArray(), NOW.plus(Duration.ofMinutes(6))))
                .isEqualTo(new PinCheck.Rejected(4));
    }

    private static String why(PharmacistPins pins) {
        return pins.authorise("pharm-1", "4711".toCharArray(), NOW).why();
    }

    @Test
    void read_oversizedOrNotUtf8_isInvalidUnparsed_likeEveryStationListFile() throws Exception {
        Path big = java.nio.file.Files.write(tmp.resolve("big.json"), new byte[(int) EntryListFile.MAX_BYTES + 1]);
        assertThat(((EntryListFile.Read.Invalid<PharmacistPins.Pharmacist>) PharmacistsFile.read(big)).describe())
                .startsWith("The pharmacists file " + big).contains("larger than 1 MiB");
        Path latin1 = java.nio.file.Files.write(tmp.resolve("latin1.json"),
                "{\"format\": 1, \"pharmacists\": [], \"x\": \"\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(((EntryListFile.Read.Invalid<PharmacistPins.Pharmacist>) PharmacistsFile.read(latin1)).describe())
                .contains("not UTF-8");
    }
}

package dev.packguard.app.station.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.files.EntryListFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorsFileTest {
    @TempDir
    Path tmp;

    private static EntryListFile.Read<Operator> parse(String text) {
        return OperatorsFile.parse(Path.of("operators.json"), text);
    }

    private static List<Operator> loaded(EntryListFile.Read<Operator> read) {
        assertThat(read).isInstanceOf(EntryListFile.Read.Loaded.class);
        return ((EntryListFile.Read.Loaded<Operator>) read).entries();
    }

    @Test
    void write_thenRead_givesTheSameOperatorsInOrder_andLeavesNoTemporaryFile() throws Exception {
        Path file = tmp.resolve("operators.json");
        List<Operator> ops = List.of(new Operator("tech-17", "Anna Schmidt", Operator.Role.TECHNICIAN),
                new Operator("PH.2", "Jürgen Öztürk", Operator.Role.PHARMACIST));

        OperatorsFile.write(file, ops);

        assertThat(loaded(OperatorsFile.read(file))).isEqualTo(ops);
        assertThat(Files.readString(file)).contains("\"role\" : \"pharmacist\"", "Jürgen Öztürk");
        try (var left = Files.list(tmp)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void write_twoBadgesAlike_isRefused_andTheOldFileStays() throws Exception {
        Path file = Files.writeString(tmp.resolve("operators.json"), "{\"format\": 1, \"operators\": []}");
        List<Operator> ops = List.of(new Operator("tech-17", "Anna Schmidt", Operator.Role.TECHNICIAN),
                new Operator("TECH-17", "Ben Braun", Operator.Role.TECHNICIAN));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OperatorsFile.write(file, ops))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operators[1] (badge \"TECH-17\").badge");
        assertThat(Files.readString(file)).isEqualTo("{\"format\": 1, \"operators\": []}");
    }

    @Test
    void read_missingFile_isMissing_notAnError() {
        assertThat(OperatorsFile.read(tmp.resolve("none.json"))).isEqualTo(new EntryListFile.Read.Missing<Operator>(tmp.resolve("none.json")));
    }

    @Test
    void read_notUtf8_isRefused() throws Exception {
        Path file = Files.write(tmp.resolve("operators.json"), new byte[] {'{', (byte) 0xC3, '}'});
        assertThat(OperatorsFile.read(file)).isInstanceOf(EntryListFile.Read.Invalid.class)
                .extracting(r -> ((EntryListFile.Read.Invalid<Operator>) r).describe()).asString().contains("not UTF-8");
    }

    @Test
    void parse_emptyList_isAnEmptyRoster() {
        assertThat(loaded(parse("{\"format\": 1, \"operators\": []}"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        wrong format           | {"format": 2, "operators": []}                            | format: must be 1
        format as text         | {"format": "1", "operators": []}                          | format: must be 1
        unknown top-level key  | {"format": 1, "operators": [], "pins": []}                | pins: unknown key (allowed: format, operators)
        duplicate key          | {"format": 1, "format": 1, "operators": []}               | not valid JSON at line 1
        not JSON               | {"format": 1,                                             | not valid JSON at line 1
        list missing           | {"format": 1}                                             | operators: must be a list of operators
        list is an object      | {"format": 1, "operators": {}}                            | operators: must be a list of operators
        trailing garbage       | {"format": 1, "operators": []} []                         | not valid JSON
        not an object          | []                                                        | file: must be a JSON object
        """)
    void parse_badFile_isRefusedSayingWhere(String what, String text, String problem) {
        EntryListFile.Read<Operator> read = parse(text);
        assertThat(read).as(what).isInstanceOf(EntryListFile.Read.Invalid.class);
        assertThat(((EntryListFile.Read.Invalid<Operator>) read).describe()).contains(problem);
    }

    // Each row is one bad entry after a good one; the problem names the entry, its badge and the field.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        badge missing        | {"name": "Ben Braun", "role": "technician"}                          | operators[1].badge: must be a string
        badge a number       | {"badge": 17, "name": "Ben Braun", "role": "technician"}             | operators[1].badge: must be a string
        badge with a space   | {"badge": "tech 2", "name": "Ben Braun", "role": "technician"}       | operators[1] (badge "tech 2").badge: must be 2 to 64 letters
        badge too short      | {"badge": "t", "name": "Ben Braun", "role": "technician"}            | operators[1] (badge "t").badge: must be 2 to 64
        badge twice          | {"badge": "tech-1", "name": "Ben Braun", "role": "technician"}       | operators[1] (badge "tech-1").badge: is the badge of operators[0] too
        badge twice, case    | {"badge": "TECH-1", "name": "Ben Braun", "role": "technician"}       | operators[1] (badge "TECH-1").badge: is the badge of operators[0] too
        name missing         | {"badge": "tech-2", "role": "technician"}                            | operators[1] (badge "tech-2").name: must be a string
        name blank           | {"badge": "tech-2", "name": "  ", "role": "technician"}              | operators[1] (badge "tech-2").name: must be 1 to 120 printable
        name padded          | {"badge": "tech-2", "name": " Ben", "role": "technician"}            | operators[1] (badge "tech-2").name: must be 1 to 120 printable
        name with a newline  | {"badge": "tech-2", "name": "Ben\\nBraun", "role": "technician"}     | operators[1] (badge "tech-2").name: must be 1 to 120 printable
        name twice           | {"badge": "tech-2", "name": "anna schmidt", "role": "technician"}    | operators[1] (badge "tech-2").name: is the name of operators[0] too
        role missing         | {"badge": "tech-2", "name": "Ben Braun"}                             | operators[1] (badge "tech-2").role: must be a string
        role unknown         | {"badge": "tech-2", "name": "Ben Braun", "role": "manager"}          | operators[1] (badge "tech-2").role: must be "technician" or "pharmacist", not "manager"
        role upper case      | {"badge": "tech-2", "name": "Ben Braun", "role": "Technician"}       | operators[1] (badge "tech-2").role: must be "technician" or "pharmacist"
        unknown key          | {"badge": "tech-2", "name": "Ben Braun", "role": "technician", "pin": "1234"} | operators[1] (badge "tech-2").pin: unknown key (allowed: badge, name, role)
        entry not an object  | "tech-2"                                                             | operators[1]: must be an object with badge, name and role
        """)
    void parse_badEntry_isRefusedNamingTheEntryAndField(String what, String entry, String problem) {
        String text = "{\"format\": 1, \"operators\": [{\"badge\": \"tech-1\", \"name\": \"Anna Schmidt\", "
                + "\"role\": \"technician\"}, " + entry + "]}";
        EntryListFile.Read<Operator> read = parse(text);
        assertThat(read).as(what).isInstanceOf(EntryListFile.Read.Invalid.class);
        EntryListFile.Read.Invalid<Operator> bad = (EntryListFile.Read.Invalid<Operator>) read;
        assertThat(bad.problems()).as(what).hasSize(1);
        assertThat(bad.problems().get(0).toString()).as(what).startsWith(problem);
    }

    @Test
    void read_largerThanAMebibyte_isRefusedUnparsed() throws Exception {
        Path file = Files.write(tmp.resolve("operators.json"), new byte[(int) EntryListFile.MAX_BYTES + 1]);
        assertThat(((EntryListFile.Read.Invalid<Operator>) OperatorsFile.read(file)).describe()).contains("larger than 1 MiB");
    }

    @Test
    void format_isWhatParseReadsBack() {
        List<Operator> ops = List.of(new Operator("tech-17", "Anna \"Anni\" Schmidt", Operator.Role.TECHNICIAN));
        assertThat(loaded(parse(OperatorsFile.format(ops)))).isEqualTo(ops);
        assertThat(OperatorsFile.format(ops).getBytes(StandardCharsets.UTF_8)).endsWith('\n');
    }
}

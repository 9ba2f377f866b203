package dev.packguard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.files.EntryListFile;
import dev.packguard.app.station.operators.Operator;
import dev.packguard.app.station.operators.OperatorsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code packguard operator add|list} on real files. */
class OperatorCommandTest {
    @TempDir
    Path tmp;
    private Path config;
    private Path roster;

    @BeforeEach
    void config() throws Exception {
        config = tmp.resolve("station.json");
        roster = tmp.resolve("staff").resolve("operators.json");
        Files.writeString(config, """
                {"format": 1,
                 "station": {"name": "Packing 1", "pharmacyName": "Demo", "pharmacyGln": "4012345000009",
                             "operators": "staff/operators.json"},
                 "ledger": {"url": "http://127.0.0.1:1/", "policy": "policy.txt"}}
                """);
    }

    private CliContractTest.Run add(String badge, String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("operator", "add", "--config", config.toString(), "--badge", badge,
                "--name", name));
        args.addAll(List.of(extra));
        return CliContractTest.run(args.toArray(String[]::new));
    }

    private List<Operator> onFile() {
        return ((EntryListFile.Read.Loaded<Operator>) OperatorsFile.read(roster)).entries();
    }

    @Test
    void add_thenList_createsTheRoster_andListsByName() throws Exception {
        CliContractTest.Run first = add("tech-17", "Zoe Weber");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("Registered tech-17 (Zoe Weber, technician) in " + roster + ".\n");
        CliContractTest.Run second = add("ph-2", " Anna Schmidt ", "--role", "pharmacist");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(onFile()).containsExactly(new Operator("tech-17", "Zoe Weber", Operator.Role.TECHNICIAN),
                new Operator("ph-2", "Anna Schmidt", Operator.Role.PHARMACIST));

        CliContractTest.Run list = CliContractTest.run("operator", "list", "--config", config.toString());
        assertThat(list.code()).isZero();
        assertThat(list.out()).isEqualTo("ph-2\tAnna Schmidt\tpharmacist\ntech-17\tZoe Weber\ttechnician\n");
        CliContractTest.Run json = CliContractTest.run("operator", "list", "--config", config.toString(), "--json");
        assertThat(json.out().strip()).isEqualTo("[{\"badge\":\"ph-2\",\"name\":\"Anna Schmidt\",\"role\":\"pharmacist\"},"
                + "{\"badge\":\"tech-17\",\"name\":\"Zoe Weber\",\"role\":\"technician\"}]");
        try (var left = Files.list(roster.getParent())) {
            assertThat(left).containsExactly(roster); // no temporary file left behind
        }
    }

    @Test
    void add_sameBadgeAgain_inAnyCase_needsReplace_whichKeepsTheBadgeAsRegistered() {
        assertThat(add("tech-17", "Zoe Weber").code()).isZero();
        CliContractTest.Run again = add("TECH-17", "Zoe Weber-Lang");
        assertThat(again.code()).isEqualTo(ExitCode.DATA);
        assertThat(again.err()).contains("badge tech-17 (Zoe Weber) is already registered", "--replace");

        CliContractTest.Run replaced = add("TECH-17", "Zoe Weber-Lang", "--replace", "--role", "Pharmacist");
        assertThat(replaced.code()).as(replaced.err()).isZero();
        assertThat(onFile()).containsExactly(new Operator("tech-17", "Zoe Weber-Lang", Operator.Role.PHARMACIST));
    }

    @Test
    void add_nameAnotherBadgeHas_isRefused_andTheFileStays() throws Exception {
        assertThat(add("tech-17", "Zoe Weber").code()).isZero();
        String before = Files.readString(roster);
        CliContractTest.Run twin = add("tech-18", "zoe weber");
        assertThat(twin.code()).isEqualTo(ExitCode.DATA);
        assertThat(twin.err()).contains("tech-17 is already called \"Zoe Weber\"");
        assertThat(Files.readString(roster)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        badge with a space | tech 17 | Zoe Weber | technician | --badge must be 2 to 64
        empty name         | tech-17 | '   '     | technician | --name must be 1 to 120
        unknown role       | tech-17 | Zoe Weber | manager    | --role must be technician or pharmacist, not "manager"
        """)
    void add_badArgument_isAUsageError_andWritesNothing(String what, String badge, String name, String role, String message) {
        CliContractTest.Run r = add(badge, name, "--role", role);
        assertThat(r.code()).as(what).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).as(what).contains(message);
        assertThat(roster).doesNotExist();
    }

    @Test
    void addAndList_configWithoutRoster_isAUsageErrorSayingWhatToAdd() throws Exception {
        Files.writeString(config, """
                {"format": 1, "station": {"pharmacyName": "Demo", "pharmacyGln": "4012345000009"},
                 "ledger": {"url": "http://127.0.0.1:1/", "policy": "policy.txt"}}
                """);
        for (String sub : List.of("add", "list")) {
            CliContractTest.Run r = sub.equals("add") ? add("tech-17", "Zoe Weber")
                    : CliContractTest.run("operator", "list", "--config", config.toString());
            assertThat(r.code()).as(sub).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).as(sub).contains("sets no station.operators", "\"operators\": \"operators.json\"");
        }
    }

    @Test
    void addAndList_brokenRoster_isUnreadableInput_namingTheEntry() throws Exception {
        Files.createDirectories(roster.getParent());
        Files.writeString(roster, "{\"format\": 1, \"operators\": [{\"badge\": \"tech-1\", \"name\": \"A\"}]}");
        CliContractTest.Run r = add("tech-17", "Zoe Weber");
        assertThat(r.code()).isEqualTo(ExitCode.DATA);
        assertThat(r.err()).contains("operators[0] (badge \"tech-1\").role: must be a string");
        CliContractTest.Run list = CliContractTest.run("operator", "list", "--config", config.toString());
        assertThat(list.code()).isEqualTo(ExitCode.DATA);
    }

    @Test
    void list_noRosterFileYet_saysNobodyCanSignIn() {
        CliContractTest.Run list = CliContractTest.run("operator", "list", "--config", config.toString());
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("No operators are registered", "packguard operator add");
    }
}

package dev.packguard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.config.ConfigResult;
import dev.packguard.app.config.StationConfigParser;
import dev.packguard.app.station.DataDirectories;
import dev.packguard.app.station.StationSetup;
import dev.packguard.app.station.packing.PinCheck;
import dev.packguard.app.station.pharmacist.PharmacistsFile;
import dev.packguard.node.demo.DemoPharmacist;
import dev.packguard.node.demo.DemoWorld;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class LedgerDemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void ledgerDemo_createsAWorldWhoseStationConfigurationLoadsAndSyncs() throws Exception {
        Path world = tmp.resolve("world");
        CliContractTest.Run r = CliContractTest.run("ledger", "demo", "--out", world.toString(), "--units", "200", "--seed", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Created a demo world in " + world, "200 units", "ledger serve --dir " + world.resolve("log"));
        assertThat(StationConfigParser.read(world.resolve("station.json"))).isInstanceOf(ConfigResult.Valid.class);
        assertThat(StationSetup.load(world.resolve("station.json"))).isInstanceOf(StationSetup.Ready.class);
        // The demo pharmacist (written by ledger-node in the same format) authorises with the PIN of docs/DEMO.md.
        var pins = PharmacistsFile.pinsFor(((ConfigResult.Valid) StationConfigParser.read(world.resolve("station.json")))
                .config().station().pharmacists());
        assertThat(pins.authorise(DemoPharmacist.ID, DemoPharmacist.PIN.toCharArray(), Instant.EPOCH))
                .isInstanceOf(PinCheck.Accepted.class);

        // ./packguard demo's path: serve the world on a free port, then a station syncs from it.
        DemoCommand demo = new DemoCommand();
        StringWriter syncOut = new StringWriter();
        int[] syncCode = {-1};
        demo.station = config -> {
            CliContractTest.Run sync = CliContractTest.run("sync", "--config", config.toString());
            syncOut.write(sync.out() + sync.err());
            syncCode[0] = sync.code();
        };
        CommandLine cli = new CommandLine(demo);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute("--dir", world.toString())).isZero();
        assertThat(syncCode[0]).as(syncOut.toString()).isZero();
        assertThat(syncOut.toString()).contains("Synced");
        assertThat(out.toString()).contains("Demo world: " + world, "--reset");
        assertThat(Files.readString(world.resolve("station.json"))).doesNotContain(":8750/");
    }

    @Test
    void ledgerDemo_badOptionsAreUsageErrors() {
        assertThat(CliContractTest.run("ledger", "demo").code()).isEqualTo(ExitCode.USAGE);
        assertThat(CliContractTest.run("ledger", "demo", "--out", tmp.resolve("a").toString(), "--units", "5").code())
                .isEqualTo(ExitCode.USAGE);
        assertThat(CliContractTest.run("ledger", "demo", "--out", tmp.resolve("b").toString(), "--units", "lots").code())
                .isEqualTo(ExitCode.USAGE);
        assertThat(tmp.resolve("a")).doesNotExist();
    }

    @Test
    void ledgerDemo_refusesAnOutThatIsNotEmptyWith65() throws Exception {
        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("keep.txt"), "mine");
        CliContractTest.Run r = CliContractTest.run("ledger", "demo", "--out", busy.toString(), "--units", "200");
        assertThat(r.code()).isEqualTo(ExitCode.DATA);
        assertThat(r.err()).contains(busy.toString(), "not an empty directory");
        assertThat(Files.readString(busy.resolve("keep.txt"))).isEqualTo("mine");

        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThat(CliContractTest.run("ledger", "demo", "--out", file.toString(), "--units", "200").code())
                .isEqualTo(ExitCode.DATA);
    }

    @Test
    void ledgerDemo_unwritableOutExits74() throws Exception {
        // Below a regular file nothing can be created, whoever runs the test (root included).
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        CliContractTest.Run r = CliContractTest.run("ledger", "demo", "--out", file.resolve("world").toString(), "--units", "200");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.IO_ERROR);
        assertThat(r.err()).contains("cannot write");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            Linux,      /data,     ,               /home/u/.local/share/packguard/demo
            Linux,      '',        ,               /home/u/.local/share/packguard/demo
            Linux,      rel/x,     ,               /home/u/.local/share/packguard/demo
            Linux,      /xdg/data, ,               /xdg/data/packguard/demo
            Mac OS X,   ,          ,               /home/u/Library/Application Support/PackGuard/demo
            Windows 11, ,          /win/roaming,   /win/roaming/PackGuard/demo
            Windows 11, ,          ,               /home/u/AppData/Roaming/PackGuard/demo
            """)
    void defaultDir_isDemoInTheDataDirectoriesOfEachPlatform(String os, String xdg, String appData, String expected) {
        Map<String, String> env = new java.util.HashMap<>();
        if (xdg != null && !xdg.equals("/data")) {
            env.put("XDG_DATA_HOME", xdg);
        }
        if (appData != null) {
            env.put("APPDATA", appData);
        }
        assertThat(DemoCommand.defaultDir(env, os, Path.of("/home/u"))).isEqualTo(Path.of(expected));
        DataDirectories.OperatingSystem system = DataDirectories.OperatingSystem.fromOsName(os);
        assertThat(DemoCommand.defaultDir(env, os, Path.of("/home/u")))
                .isEqualTo(DataDirectories.of(system, env, Path.of("/home/u")).data().resolve("demo"));
    }

    @Test
    void demo_resetRefusesToDeleteADirectoryThatIsNotAWorld() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "precious");
        DemoCommand demo = new DemoCommand();
        demo.station = config -> { };
        demo.clock = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
        CommandLine cli = new CommandLine(demo);
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute("--dir", mine.toString(), "--reset")).isEqualTo(ExitCode.DATA);
        assertThat(mine.resolve("thesis.tex")).exists();
        assertThat(DemoWorld.DEFAULT_UNITS).isEqualTo(2000);
    }
}

package dev.packguard.app.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packguard.app.station.DataDirectories.OperatingSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataDirectoriesTest {
    private static final Path HOME = Path.of("/home/ana");

    // Windows and macOS rules are checked with Unix-style absolute paths: the rules are about
    // which variable wins and which folder names follow, not about the path syntax.
    @ParameterizedTest(name = "{0} XDG_CONFIG_HOME={1} XDG_DATA_HOME={2} APPDATA={3}")
    @CsvSource(nullValues = "-", textBlock = """
            # os,    XDG_CONFIG_HOME, XDG_DATA_HOME, APPDATA,          config,                                          data
            LINUX,   -,               -,             -,                /home/ana/.config/packguard,                     /home/ana/.local/share/packguard
            LINUX,   /cfg,            /dat,          -,                /cfg/packguard,                                  /dat/packguard
            LINUX,   '',              '',            -,                /home/ana/.config/packguard,                     /home/ana/.local/share/packguard
            LINUX,   relative/cfg,    dat,           -,                /home/ana/.config/packguard,                     /home/ana/.local/share/packguard
            LINUX,   -,               -,             /roaming,         /home/ana/.config/packguard,                     /home/ana/.local/share/packguard
            MACOS,   /cfg,            /dat,          -,                /home/ana/Library/Application Support/PackGuard, /home/ana/Library/Application Support/PackGuard
            WINDOWS, -,               -,             /roaming,         /roaming/PackGuard,                              /roaming/PackGuard
            WINDOWS, /cfg,            -,             -,                /home/ana/AppData/Roaming/PackGuard,             /home/ana/AppData/Roaming/PackGuard
            """)
    void of_followsEachOperatingSystemsConvention(OperatingSystem os, String xdgConfig, String xdgData, String appData,
            String config, String data) {
        Map<String, String> env = new HashMap<>();
        put(env, "XDG_CONFIG_HOME", xdgConfig);
        put(env, "XDG_DATA_HOME", xdgData);
        put(env, "APPDATA", appData);
        DataDirectories dirs = DataDirectories.of(os, env, HOME);
        assertThat(dirs.config()).isEqualTo(Path.of(config));
        assertThat(dirs.data()).isEqualTo(Path.of(data));
        assertThat(dirs.stationConfig()).isEqualTo(Path.of(config, "station.json"));
        assertThat(dirs.mirror()).isEqualTo(Path.of(data, "mirror.db"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            Linux,            LINUX
            FreeBSD,          LINUX
            Mac OS X,         MACOS
            Windows 11,       WINDOWS
            Windows Server 2022, WINDOWS
            """)
    void fromOsName_recognisesTheJdksNames(String osName, OperatingSystem expected) {
        assertThat(OperatingSystem.fromOsName(osName)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} HOME={1}")
    @CsvSource(nullValues = "-", textBlock = """
            # os,    HOME,        home used
            LINUX,   /home/other, /home/other
            LINUX,   -,           /home/ana
            LINUX,   relative,    /home/ana
            MACOS,   /Users/ana2, /Users/ana2
            WINDOWS, /home/other, /home/ana
            """)
    void home_prefersAnAbsoluteHomeVariableOnUnix(OperatingSystem os, String homeVariable, String expected) {
        Map<String, String> env = new HashMap<>();
        put(env, "HOME", homeVariable);
        assertThat(DataDirectories.home(os, env, HOME)).isEqualTo(Path.of(expected));
    }

    @Test
    void forCurrentUser_isUnderTheHomeOrAnAbsoluteVariable() {
        DataDirectories dirs = DataDirectories.forCurrentUser();
        assertThat(dirs.config()).isAbsolute();
        assertThat(dirs.data()).isAbsolute();
        assertThat(dirs.config().getFileName().toString()).isEqualToIgnoringCase("packguard");
    }

    @Test
    void of_refusesARelativeHome() {
        assertThatThrownBy(() -> DataDirectories.of(OperatingSystem.LINUX, Map.of(), Path.of("ana")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void create_makesBothDirectories_andReportsWhenItCannot(@TempDir Path tmp) throws Exception {
        DataDirectories dirs = DataDirectories.of(OperatingSystem.LINUX,
                Map.of("XDG_CONFIG_HOME", tmp.resolve("c").toString(), "XDG_DATA_HOME", tmp.resolve("d").toString()), HOME);
        assertThat(dirs.create()).isEmpty();
        assertThat(dirs.config()).isDirectory();
        assertThat(dirs.data()).isDirectory();

        Files.writeString(tmp.resolve("file"), "not a directory");
        DataDirectories blocked = DataDirectories.of(OperatingSystem.LINUX,
                Map.of("XDG_CONFIG_HOME", tmp.resolve("file").toString()), HOME);
        assertThat(blocked.create()).get().asString().contains("Cannot create", tmp.resolve("file").toString());
    }

    private static void put(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }
}

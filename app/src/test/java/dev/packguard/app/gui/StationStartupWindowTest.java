package dev.packguard.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.gui.main.MainViewModel;
import dev.packguard.app.station.DataDirectories;
import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyParser;
import dev.packguard.ledger.testing.SignedTestLog;
import dev.packguard.ledger.testing.StaticDirServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window appears at once; the ledger is prepared on the worker thread, then the packing screen takes scans. */
@ExtendWith(ApplicationExtension.class)
class StationStartupWindowTest {
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void preparingShell_saysSo_thenShowsProgressOrTheProblem(FxRobot robot) {
        MainViewModel shell = MainViewModel.preparing("9.9.9-test", "Configuration: /srv/station.json", Platform::runLater);
        robot.interact(() -> StationApplication.show(stage, shell));
        assertThat(text(robot, "#ledgerStatus")).isEqualTo("Ledger: preparing\u2026");
        assertThat(text(robot, "#workAreaHint")).isEqualTo("Preparing the ledger\u2026");
        assertThat(text(robot, "#configuration")).isEqualTo("Configuration: /srv/station.json");

        robot.interact(() -> shell.preparing("Preparing the ledger\u2026 rebuilding the index after an update: "
                + "1,700,000 of 4,000,000 entries (42 %)"));
        assertThat(text(robot, "#workAreaHint")).endsWith("(42 %)");

        robot.interact(() -> shell.failed("Cannot open the mirror /srv/mirror.db: disk I/O error"));
        assertThat(text(robot, "#ledgerStatus")).isEqualTo("Ledger: not configured");
        assertThat(text(robot, "#workAreaHint")).isEqualTo("Cannot open the mirror /srv/mirror.db: disk I/O error");
    }

    @Test
    void configuredStation_withAMirrorWhoseIndexMustBeRebuilt_opensThePackingScreen(FxRobot robot) throws Exception {
        StationApplication app = new StationApplication();
        try (StaticDirServer server = servedLog()) {
            Path config = stationWithUnindexedMirror(server);
            robot.interact(() -> app.openWindow(stage, homeIn(dir), Optional.of(config), false));
            assertThat(stage.isShowing()).isTrue();
            assertPackingReadyAndSynced(robot);
        } finally {
            FxStop.stop(app);
        }
    }

    @Test
    void earlyStart_begunBeforeTheWindow_isTakenByIt_andOpensThePackingScreen(FxRobot robot) throws Exception {
        StationApplication app = new StationApplication();
        try (StaticDirServer server = servedLog()) {
            Path config = stationWithUnindexedMirror(server);
            List<String> progress = new CopyOnWriteArrayList<>();
            EarlyStart.begin(config, false, Clock.systemUTC());
            // Another configuration, or the demo flag, does not take it.
            assertThat(EarlyStart.take(dir.resolve("other.json"), false, progress::add)).isEmpty();
            assertThat(EarlyStart.take(config, true, progress::add)).isEmpty();

            robot.interact(() -> app.openWindow(stage, homeIn(dir), Optional.of(config), false));
            assertPackingReadyAndSynced(robot);
            // The window took it: nothing is left for another window to take.
            assertThat(EarlyStart.take(config, false, progress::add)).isEmpty();
        } finally {
            FxStop.stop(app);
        }
    }

    @Test
    void earlyStart_takenLate_hearsTheLatestProgressLine_andYieldsTheOpenedStation() throws Exception {
        try (StaticDirServer server = servedLog()) {
            Path config = stationWithUnindexedMirror(server);
            EarlyStart.begin(config, false, Clock.systemUTC());
            WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS); // let it get going; the test holds either way
            List<String> progress = new CopyOnWriteArrayList<>();
            StationOpening.Opened opened = EarlyStart.take(config, false, progress::add).orElseThrow()
                    .get(20, TimeUnit.SECONDS);
            try {
                assertThat(opened.startup()).isInstanceOf(StationStartup.Started.class);
                assertThat(opened.packing().orElseThrow().problem()).isEmpty();
                // Rebuilding the index of 300 entries reports its percentages; the last one always reaches the listener.
                assertThat(progress).isNotEmpty();
                assertThat(progress.get(progress.size() - 1)).endsWith("300 of 300 entries (100 %)");
            } finally {
                opened.close();
            }
        }
    }

    private StaticDirServer servedLog() throws Exception {
        SignedTestLog log = new SignedTestLog("startup.example/log", 1, Clock.systemUTC());
        log.append(300, "a").writeTo(dir.resolve("www"));
        Files.writeString(dir.resolve("policy.txt"), log.policy(1));
        return new StaticDirServer(dir.resolve("www"));
    }

    // A mirror synced by a version without the statement index: opening it rebuilds the index.
    private Path stationWithUnindexedMirror(StaticDirServer server) throws Exception {
        Policy policy = ((Parsed.Ok<Policy>) PolicyParser.parse(Files.readString(dir.resolve("policy.txt")))).value();
        try (MirrorStore plain = MirrorStore.open(dir.resolve("mirror.db"))) {
            new MirrorSync(plain, new LogFetcher(server.base(), new LogFetcher.Settings(Duration.ofSeconds(2), 1,
                    Duration.ofMillis(10), 2)), new PolicyVerifier(policy, Clock.systemUTC()), Clock.systemUTC())
                    .sync(p -> { });
        }
        Path config = dir.resolve("station.json");
        Files.writeString(config, """
                {"format": 1,
                 "station": {"name": "Packing 3", "pharmacyName": "Startup Pharmacy", "pharmacyGln": "4012345000009"},
                 "ledger": {"url": "%s", "policy": "policy.txt", "mirror": "mirror.db"},
                 "sounds": false}
                """.formatted(server.base()));
        return config;
    }

    private static DataDirectories homeIn(Path dir) {
        return DataDirectories.of(DataDirectories.OperatingSystem.LINUX, Map.of(), dir.resolve("home"));
    }

    private void assertPackingReadyAndSynced(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#bannerTitle").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#ledgerStatus").contains("300 entries"));
        assertThat(text(robot, "#configuration")).isEqualTo("Packing 3 · Startup Pharmacy");
        assertThat(text(robot, "#bannerTitle")).isEqualTo("Ready");
    }
}

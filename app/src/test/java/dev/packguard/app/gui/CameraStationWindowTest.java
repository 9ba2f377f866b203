package dev.packguard.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.packguard.app.station.DataDirectories;
import dev.packguard.app.station.input.CameraVideos;
import dev.packguard.ledger.testing.SignedTestLog;
import dev.packguard.ledger.testing.StaticDirServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A station configured with {@code "input": {"camera": "auto"}} on a machine without a camera
 * (the build machine has no /dev/video*): the status bar says no camera was found, and the
 * station stops without leaving ffmpeg behind.
 */
@ExtendWith(ApplicationExtension.class)
class CameraStationWindowTest {
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
    void cameraAuto_withoutACamera_saysNoCameraFoundInTheStatusBar(FxRobot robot) throws Exception {
        assumeTrue(CameraVideos.ffmpegInstalled(), "ffmpeg is not installed (apt-get install -y ffmpeg; CI installs it)");
        assumeTrue(!Files.exists(Path.of("/dev/video0")) && System.getProperty("os.name").startsWith("Linux"),
                "a Linux machine without a camera, like the build machine");
        SignedTestLog log = new SignedTestLog("camera.example/log", 1, Clock.systemUTC());
        log.append(20, "a").writeTo(dir.resolve("www"));
        Files.writeString(dir.resolve("policy.txt"), log.policy(1));
        StationApplication app = new StationApplication();
        try (StaticDirServer server = new StaticDirServer(dir.resolve("www"))) {
            Path config = dir.resolve("station.json");
            Files.writeString(config, """
                    {"format": 1,
                     "station": {"name": "Packing 4", "pharmacyName": "Camera Pharmacy", "pharmacyGln": "4012345000009"},
                     "ledger": {"url": "%s", "policy": "policy.txt", "mirror": "mirror.db"},
                     "input": {"camera": "auto"},
                     "sounds": false}
                    """.formatted(server.base()));
            DataDirectories dirs = DataDirectories.of(DataDirectories.OperatingSystem.LINUX, Map.of(), dir.resolve("home"));

            robot.interact(() -> app.openWindow(stage, dirs, Optional.of(config), false));

            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#cameraStatus").tryQuery().isPresent()
                    && text(robot, "#cameraStatus").startsWith("\u26A0"));
            assertThat(text(robot, "#cameraStatus")).isEqualTo("\u26A0 Camera: no camera found. Trying again in 2 s.");
        } finally {
            FxStop.stop(app);
        }
        assertThat(CameraVideos.processesUsing(dir)).isEmpty();
    }
}

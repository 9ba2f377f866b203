package dev.packguard.app.gui.input;

import static dev.packguard.app.station.packing.PackingFixture.IBUPROFEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.packguard.app.config.StationConfig;
import dev.packguard.app.station.input.CameraLink;
import dev.packguard.app.station.input.CameraSetting;
import dev.packguard.app.station.input.CameraVideos;
import dev.packguard.app.station.input.FrameFormat;
import dev.packguard.app.station.packing.PackingFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A camera into the packing screen: ffmpeg plays a video of a pack label in real time as the
 * camera (only its input arguments differ from a real camera's), the station's
 * {@link CameraInput} reads and decodes it, and the packing screen shows the verdict. Skipped
 * where ffmpeg is missing; CI installs it.
 */
@ExtendWith(ApplicationExtension.class)
class CameraInputTest {
    @TempDir
    Path dir;
    private Stage stage;
    private PackingWindow window;
    private CameraInput camera;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (camera != null) {
            camera.close();
        }
        if (window != null) {
            window.close();
        }
    }

    private void startCamera(FxRobot robot, CameraLink.Settings settings) throws Exception {
        window = PackingWindow.open(robot, stage, Files.createDirectories(dir.resolve("station")));
        robot.interact(() -> {
            camera = CameraInput.start(settings, window.main::scan, Platform::runLater);
            window.main.addInput(camera.status());
        });
    }

    private static void waitUntil(FxRobot robot, String query, String startsWith) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> PackingWindow.text(robot, query).startsWith(startsWith)).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void codeHeldUpToTheCamera_isScannedOnce_andTheCameraIsShownWatching(FxRobot robot) throws Exception {
        assumeTrue(CameraVideos.ffmpegInstalled(), "ffmpeg is not installed (apt-get install -y ffmpeg; CI installs it)");
        Path video = CameraVideos.video(dir, "pack", 320, 240,
                List.of(CameraVideos.Shot.of(PackingFixture.scan(IBUPROFEN, "S1"), 1.5)));
        startCamera(robot, new CameraLink.Settings(ffmpeg -> new CameraLink.Camera("test video", CameraVideos.asCamera(video)),
                Optional.empty(), new FrameFormat(320, 240, 10), Duration.ofMinutes(5)));

        waitUntil(robot, "#cameraStatus", "\u2714 Camera test video: watching for codes");
        waitUntil(robot, "#bannerTitle", "OK to pack");
        assertThat(PackingWindow.text(robot, "#product")).contains("serial S1");
        waitUntil(robot, "#cameraStatus", "\u26A0 Camera test video: the pictures stopped");
        assertThat(PackingWindow.text(robot, "#line-" + IBUPROFEN)).startsWith("\u25CB 1 / 2"); // one scan, not one per frame
    }

    @Test
    void ffmpegMissing_isShownInTheStatusBarWithWhatToDo(FxRobot robot) throws Exception {
        Path missing = dir.resolve("no-ffmpeg");
        startCamera(robot, new CameraLink.Settings(ffmpeg -> new CameraLink.Camera("unused", List.of()), Optional.of(missing),
                new FrameFormat(320, 240, 10), Duration.ofMinutes(5)));

        waitUntil(robot, "#cameraStatus", "\u26A0 Camera scanning needs ffmpeg: install it or set input.ffmpeg");
        assertThat(PackingWindow.text(robot, "#cameraStatus")).contains(missing.toString(), "Trying again in 300 s.");
    }

    @Test
    void settings_offIsNoCamera_otherwiseTheConfiguredCameraAndFfmpeg() {
        StationConfig.Input off = StationConfig.Input.defaults();
        assertThat(CameraInput.settings(off)).isEmpty();

        StationConfig.Input device = new StationConfig.Input(Duration.ofMillis(40), Optional.empty(), 9600,
                new CameraSetting.Device("/dev/video0"), Optional.of(Path.of("/opt/ffmpeg")));
        CameraLink.Settings s = CameraInput.settings(device).orElseThrow();
        assertThat(s.ffmpeg()).contains(Path.of("/opt/ffmpeg"));
        assertThat(s.format()).isEqualTo(FrameFormat.CAMERA);
        assertThat(s.source().find(Path.of("ffmpeg"))).isInstanceOf(CameraLink.Camera.class)
                .extracting(c -> ((CameraLink.Camera) c).name()).isEqualTo("/dev/video0");
    }
}

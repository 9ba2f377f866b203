package dev.packguard.app.station.input;

import static dev.packguard.app.station.input.CameraVideos.Shot;
import static dev.packguard.app.station.input.CameraVideos.asCamera;
import static dev.packguard.app.station.input.CameraVideos.video;
import static dev.packguard.app.station.input.CameraVideos.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camera link with a real ffmpeg playing a video of real DataMatrix pack labels in real
 * time, as a camera would deliver it: only the source arguments differ from a camera's
 * ({@code -re -i video.mkv} for {@code -f v4l2 -i /dev/video0}); process, pipe, frame reading,
 * decoding, de-duplication, retries and stop are the station's code. Skipped where ffmpeg is
 * missing; CI installs it.
 */
class CameraLinkTest {
    private static final String A = "0104012345000016" + "21S1\u001d10LOT42\u001d17281231";
    private static final String B = "0104012345000023" + "21A1\u001d10LOT42\u001d17281231";
    // what a scanner sends for them: AIM identifier ]d2, FNC1 in first position as a leading GS (ZXing's way)
    private static final String SCAN_A = "]d2\u001d" + A;
    private static final String SCAN_B = "]d2\u001d" + B;
    private static final FrameFormat SMALL = new FrameFormat(320, 240, 10);
    private static final Duration LONG = Duration.ofMinutes(5);

    @TempDir
    Path dir;
    private final List<String> scans = new CopyOnWriteArrayList<>();
    private final List<CameraLink.Status> statuses = new CopyOnWriteArrayList<>();
    private CameraLink link;

    @BeforeEach
    void ffmpeg() {
        assumeTrue(CameraVideos.ffmpegInstalled(), "ffmpeg is not installed (apt-get install -y ffmpeg; CI installs it)");
    }

    @AfterEach
    void close() {
        if (link != null) {
            link.close();
        }
    }

    private void watch(CameraLink.SourceFinder source, Optional<Path> ffmpeg, Duration retry) {
        link = CameraLink.start(new CameraLink.Settings(source, ffmpeg, SMALL, retry), scans::add, statuses::add);
    }

    private void play(Path video, Duration retry) {
        watch(ffmpeg -> new CameraLink.Camera("test video", asCamera(video)), Optional.empty(), retry);
    }

    private boolean stopped() {
        return statuses.stream().anyMatch(s -> s instanceof CameraLink.Waiting w && w.problem().startsWith("the pictures stopped"));
    }

    private void playToTheEnd(Path video) throws Exception {
        play(video, LONG);
        assertThat(waitFor(Duration.ofSeconds(20), this::stopped)).as("statuses %s", statuses).isTrue();
    }

    @Test
    void codeShownForTwoSeconds_isOneScan() throws Exception {
        // 16:9 pictures: ffmpeg scales them into the 4:3 frame without squashing the code, and pads
        playToTheEnd(video(dir, "one", 480, 270, List.of(Shot.of(A, 2))));

        assertThat(scans).containsExactly(SCAN_A);
        assertThat(statuses.get(0)).isEqualTo(new CameraLink.Watching("test video"));
        CameraLink.Counts counts = link.counts();
        assertThat(counts.read()).isBetween(19L, 22L); // 2 s at 10 pictures a second
        assertThat(counts.decoded() + counts.skipped()).isEqualTo(counts.read());
    }

    @Test
    void twoCodesInSequence_areTwoScansInOrder() throws Exception {
        playToTheEnd(video(dir, "two", 320, 240, List.of(Shot.of(A, 1.5), Shot.of(B, 1.5))));

        assertThat(scans).containsExactly(SCAN_A, SCAN_B);
    }

    @Test
    void codeShownHiddenAndShownAgain_isTwoScans() throws Exception {
        playToTheEnd(video(dir, "again", 320, 240, List.of(Shot.of(A, 1), Shot.blank(1.5), Shot.of(A, 1))));

        assertThat(scans).containsExactly(SCAN_A, SCAN_A);
    }

    @Test
    void endOfTheVideo_isSaid_andTheLinkStartsFfmpegAgain() throws Exception {
        play(video(dir, "short", 320, 240, List.of(Shot.of(A, 0.5))), Duration.ofMillis(200));

        assertThat(waitFor(Duration.ofSeconds(20), () -> statuses.size() >= 3)).as("statuses %s", statuses).isTrue();
        assertThat(statuses.subList(0, 3)).containsExactly(new CameraLink.Watching("test video"),
                new CameraLink.Waiting("test video", "the pictures stopped (ffmpeg exited with code 0)", Duration.ofMillis(200)),
                new CameraLink.Watching("test video"));
        assertThat(statuses.get(1).message())
                .isEqualTo("Camera test video: the pictures stopped (ffmpeg exited with code 0). Trying again in 200 ms.");
        assertThat(scans).startsWith(SCAN_A);
    }

    @Test
    void close_endsFfmpeg() throws Exception {
        Path video = video(dir, "long", 320, 240, List.of(Shot.of(A, 30)));
        play(video, LONG);
        assertThat(waitFor(Duration.ofSeconds(10), () -> !scans.isEmpty())).isTrue();
        assertThat(CameraVideos.processesUsing(video)).hasSize(1);

        link.close();

        assertThat(CameraVideos.processesUsing(video)).isEmpty();
        assertThat(statuses).hasSize(1); // stopping is not a problem to report
    }

    @Test
    void ffmpegMissing_saysWhatToDo_andTriesAgain() throws Exception {
        Path missing = dir.resolve("no-ffmpeg");
        watch(ffmpeg -> new CameraLink.Camera("unused", List.of()), Optional.of(missing), Duration.ofMillis(300));

        assertThat(waitFor(Duration.ofSeconds(5), () -> statuses.size() >= 2)).isTrue();
        assertThat(statuses.get(0).message()).isEqualTo("Camera scanning needs ffmpeg: install it or set input.ffmpeg "
                + "(input.ffmpeg is " + missing + ", which is not an executable file). Trying again in 300 ms.");
        assertThat(statuses.get(1).message()).endsWith("Trying again in 600 ms."); // backing off
    }

    @Test
    void missingVideo_showsFfmpegsLastLine() throws Exception {
        Path nothing = dir.resolve("nothing.mkv");
        watch(ffmpeg -> new CameraLink.Camera("test video", asCamera(nothing)), Optional.empty(), LONG);

        assertThat(waitFor(Duration.ofSeconds(10), () -> !statuses.isEmpty())).isTrue();
        assertThat(statuses.get(0).message()).isEqualTo("Camera test video: " + nothing
                + ": No such file or directory. Trying again in 300 s.");
    }

    @Test
    void missingLinuxCamera_showsFfmpegsLastLine() throws Exception {
        Path device = Path.of("/dev/packguard-no-camera");
        assumeTrue(FfmpegCommand.Os.current() == FfmpegCommand.Os.LINUX && !Files.exists(device), "Linux only");
        watch(CameraLink.finder(new CameraSetting.Device(device.toString()), FfmpegCommand.Os.LINUX), Optional.empty(), LONG);

        assertThat(waitFor(Duration.ofSeconds(10), () -> !statuses.isEmpty())).isTrue();
        assertThat(statuses.get(0).message()).isEqualTo("Camera " + device + ": " + device
                + ": No such file or directory. Trying again in 300 s.");
    }

    @Test
    void auto_onAMachineWithoutCamera_saysNoCameraFound() throws Exception {
        assumeTrue(FfmpegCommand.Os.current() == FfmpegCommand.Os.LINUX && !Files.exists(Path.of("/dev/video0")),
                "a Linux machine without a camera, like the build machine");
        watch(CameraLink.finder(new CameraSetting.Auto(), FfmpegCommand.Os.LINUX), Optional.empty(), LONG);

        assertThat(waitFor(Duration.ofSeconds(10), () -> !statuses.isEmpty())).isTrue();
        assertThat(statuses.get(0).message()).isEqualTo("Camera: no camera found. Trying again in 300 s.");
    }
}

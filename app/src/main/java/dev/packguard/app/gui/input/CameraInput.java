package dev.packguard.app.gui.input;

import dev.packguard.app.config.StationConfig;
import dev.packguard.app.station.input.CameraLink;
import dev.packguard.app.station.input.CameraSetting;
import dev.packguard.app.station.input.FfmpegCommand;
import dev.packguard.app.station.input.FrameFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.control.Label;

/**
 * A camera in the station window: codes held up to it go to the screen on show as scans, and a
 * status-bar label says whether it is being watched or, naming the camera, what is wrong and
 * what to do. The camera is read and decoded by a {@link CameraLink} off the FX thread; nothing
 * here runs per frame.
 */
public final class CameraInput implements AutoCloseable {
    private final Label status = new Label();
    private final CameraLink link;

    private CameraInput(CameraLink.Settings settings, Consumer<String> scans, Executor fxThread) {
        status.setId("cameraStatus");
        status.setWrapText(true);
        status.setText("Camera: starting\u2026");
        link = CameraLink.start(settings, text -> fxThread.execute(() -> scans.accept(text)),
                s -> fxThread.execute(() -> show(s)));
    }

    /**
     * Starts watching the camera of {@code settings}; each scan goes to {@code scans} and each
     * status change to the label, both through {@code fxThread} (Platform::runLater in the station).
     */
    public static CameraInput start(CameraLink.Settings settings, Consumer<String> scans, Executor fxThread) {
        return new CameraInput(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(scans, "scans"),
                Objects.requireNonNull(fxThread, "fxThread"));
    }

    /**
     * What the station watches for {@code input} (input.camera, input.ffmpeg): the camera at
     * {@link FrameFormat#CAMERA}, first retry after {@link CameraLink#RETRY}; empty when the camera is off.
     */
    public static Optional<CameraLink.Settings> settings(StationConfig.Input input) {
        if (input.camera() instanceof CameraSetting.Off) {
            return Optional.empty();
        }
        return Optional.of(new CameraLink.Settings(CameraLink.finder(input.camera(), FfmpegCommand.Os.current()),
                input.ffmpeg(), FrameFormat.CAMERA, CameraLink.RETRY));
    }

    /** The status-bar label. */
    public Label status() {
        return status;
    }

    private void show(CameraLink.Status s) {
        InputStatus.show(status, s instanceof CameraLink.Watching, s.message());
    }

    /** Stops watching and ends ffmpeg. */
    @Override
    public void close() {
        link.close();
    }
}

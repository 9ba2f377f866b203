package dev.packguard.app.gui.input;

import dev.packguard.app.station.input.SerialLink;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.control.Label;

/**
 * A serial scanner in the station window: its frames go to the screen on show as scans, and a
 * status-bar label says whether the port is connected or, naming the port, what is wrong and
 * what to do. The port is opened, read and re-opened by a {@link SerialLink} off the FX thread.
 */
public final class SerialInput implements AutoCloseable {
    private final Label status = new Label();
    private final SerialLink link;

    private SerialInput(String port, int baud, Duration retry, Consumer<String> scans, Executor fxThread) {
        status.setId("serialStatus");
        status.setWrapText(true);
        status.setText("Serial scanner " + port + ": opening\u2026");
        link = SerialLink.start(port, baud, retry, text -> fxThread.execute(() -> scans.accept(text)),
                s -> fxThread.execute(() -> show(s)));
    }

    /**
     * Starts reading {@code port} at {@code baud}; each scan goes to {@code scans} and each status
     * change to the label, both through {@code fxThread} (Platform::runLater in the station).
     */
    public static SerialInput start(String port, int baud, Duration retry, Consumer<String> scans, Executor fxThread) {
        return new SerialInput(Objects.requireNonNull(port, "port"), baud, retry, Objects.requireNonNull(scans, "scans"),
                Objects.requireNonNull(fxThread, "fxThread"));
    }

    /** The status-bar label. */
    public Label status() {
        return status;
    }

    private void show(SerialLink.Status s) {
        InputStatus.show(status, s instanceof SerialLink.Connected, s.message());
    }

    /** Stops reading and closes the port. */
    @Override
    public void close() {
        link.close();
    }
}

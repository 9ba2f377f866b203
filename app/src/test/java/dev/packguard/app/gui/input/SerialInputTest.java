package dev.packguard.app.gui.input;

import static dev.packguard.app.station.packing.PackingFixture.IBUPROFEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.packguard.app.station.packing.PackingFixture;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * A serial scanner into the packing screen: a real pseudo-terminal pair from socat (the scanner
 * written to as a scanner would), read through jSerialComm by the station's {@link SerialInput}.
 * Skipped where socat is missing; CI installs it (apt-get install -y socat).
 */
@ExtendWith(ApplicationExtension.class)
class SerialInputTest {
    private static final Duration RETRY = Duration.ofMillis(300);

    @TempDir
    Path dir;
    private Stage stage;
    private PackingWindow window;
    private SerialInput serial;
    private Process socat;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (serial != null) {
            serial.close();
        }
        stopSocat();
        if (window != null) {
            window.close();
        }
    }

    private static boolean socatInstalled() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** A pty pair: {@code host} for the station, {@code scanner} for the test to write to. */
    private void startSocat(Path host, Path scanner) throws Exception {
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + scanner)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        for (int i = 0; i < 100 && !(Files.exists(host) && Files.exists(scanner)); i++) {
            Thread.sleep(50);
        }
        assumeTrue(Files.exists(host) && Files.exists(scanner), "socat did not create the pty pair");
    }

    private void stopSocat() throws InterruptedException {
        if (socat != null) {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
            socat = null;
        }
    }

    private void startSerial(FxRobot robot, String port) throws Exception {
        window = PackingWindow.open(robot, stage, Files.createDirectories(dir.resolve("station")));
        robot.interact(() -> {
            serial = SerialInput.start(port, 9600, RETRY, window.main::scan, Platform::runLater);
            window.main.addInput(serial.status());
        });
    }

    private static void write(Path scanner, String frame) throws Exception {
        try (OutputStream out = Files.newOutputStream(scanner.toRealPath())) {
            out.write(frame.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    /** Waits until the label shows {@code startsWith}, read on the FX thread, then lets that update finish. */
    private static void waitUntil(FxRobot robot, String query, String startsWith) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> PackingWindow.text(robot, query).startsWith(startsWith)).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void frame_writtenToThePty_reachesThePackingScreen_andAgainAfterAReplug(FxRobot robot) throws Exception {
        assumeTrue(socatInstalled(), "socat is not installed (apt-get install -y socat; CI installs it)");
        Path host = dir.resolve("host");
        Path scanner = dir.resolve("scanner");
        startSocat(host, scanner);
        startSerial(robot, host.toString());
        waitUntil(robot, "#serialStatus", "\u2714 Serial scanner " + host + ": connected");

        write(scanner, "]d2" + PackingFixture.scan(IBUPROFEN, "S1") + "\r\n");
        waitUntil(robot, "#bannerTitle", "OK to pack");
        assertThat(PackingWindow.text(robot, "#product")).contains("serial S1");
        assertThat(PackingWindow.text(robot, "#line-" + IBUPROFEN)).startsWith("\u25CB 1 / 2");

        stopSocat(); // the scanner is unplugged
        waitUntil(robot, "#serialStatus", "\u26A0 Serial scanner " + host + ":");
        startSocat(host, scanner); // and plugged back in
        waitUntil(robot, "#serialStatus", "\u2714 Serial scanner " + host + ": connected");
        write(scanner, "]d2" + PackingFixture.scan(IBUPROFEN, "S2") + "\r\n");
        waitUntil(robot, "#line-" + IBUPROFEN, "\u2714 2 / 2");
    }

    @Test
    void missingPort_isShownInTheStatusBarWithWhatToDo(FxRobot robot) throws Exception {
        startSerial(robot, "/dev/packguard-no-such-port");
        waitUntil(robot, "#serialStatus", "\u26A0 Serial scanner /dev/packguard-no-such-port: ");
        assertThat(PackingWindow.text(robot, "#serialStatus")).contains("check the scanner is plugged in", "input.serialPort", "Trying again every 300 ms.")
                .doesNotContain("connected");
    }
}

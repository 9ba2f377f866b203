package dev.packguard.app.station.input;

import dev.packguard.scanner.scan.ScanDecoder;
import dev.packguard.scanner.serial.SerialScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A serial scanner kept connected (DESIGN.md "The station": serial devices with AIM symbology
 * identifiers): opens the port on its own daemon thread, hands every frame on as the text the
 * scanner sent, and when the port is missing, busy or goes away (unplugged) says so and tries
 * again every {@code retry}, so plugging the scanner back in is all the operator has to do.
 *
 * <p>Listeners are called on the link's thread; the station moves them onto the FX thread.
 */
public final class SerialLink implements AutoCloseable {
    /** How often the link checks a connected port and retries a missing one, unless told otherwise. */
    public static final Duration RETRY = Duration.ofSeconds(3);
    private static final long WATCH_MILLIS = 250;

    private final String port;
    private final int baud;
    private final Duration retry;
    private final Consumer<String> scans;
    private final Consumer<Status> status;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SerialScanner open;

    /** Where the link stands, for the status bar. */
    public sealed interface Status {
        /** The configured port name. */
        String port();

        /** One line for the operator. */
        String message();
    }

    /** The port is open and being read. */
    public record Connected(String port) implements Status {
        @Override
        public String message() {
            return "Serial scanner " + port + ": connected";
        }
    }

    /** The port cannot be used now, for {@code problem}; the link tries again every {@code retry}. */
    public record Waiting(String port, String problem, Duration retry) implements Status {
        /** Requires every field. */
        public Waiting {
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(retry, "retry");
        }

        @Override
        public String message() {
            String every = dev.packguard.app.station.Ages.shortWait(retry);
            return "Serial scanner " + port + ": " + problem + ". Trying again every " + every + ".";
        }
    }

    private SerialLink(String port, int baud, Duration retry, Consumer<String> scans, Consumer<Status> status) {
        this.port = port;
        this.baud = baud;
        this.retry = retry;
        this.scans = scans;
        this.status = status;
        this.thread = new Thread(this::run, "serial-link-" + port);
        this.thread.setDaemon(true);
    }

    /**
     * Starts keeping {@code port} (e.g. {@code /dev/ttyACM0}, {@code COM3}, or a symbolic link to
     * one, resolved anew at each attempt) open at {@code baud}, 8N1.
     *
     * @param scans gets each frame as the scanner sent it (AIM identifier, GS as 0x1D), without CR/LF
     * @param status gets every change of {@link Status}, the first one at once
     */
    public static SerialLink start(String port, int baud, Duration retry, Consumer<String> scans, Consumer<Status> status) {
        Objects.requireNonNull(port, "port");
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive: " + baud);
        }
        if (retry.isNegative() || retry.isZero()) {
            throw new IllegalArgumentException("retry must be positive: " + retry);
        }
        SerialLink link = new SerialLink(port, baud, retry, Objects.requireNonNull(scans, "scans"),
                Objects.requireNonNull(status, "status"));
        link.thread.start();
        return link;
    }

    private void run() {
        Status last = null;
        while (running) {
            SerialScanner.Opened opened = SerialScanner.open(device(), baud, ScanDecoder.exact(), s -> scans.accept(s.raw()));
            Status now;
            if (opened instanceof SerialScanner.Ready ready) {
                open = ready.scanner();
                last = report(last, new Connected(port));
                while (running && ready.scanner().isRunning()) {
                    sleep(WATCH_MILLIS);
                }
                String failure = ready.scanner().failure();
                ready.scanner().close();
                open = null;
                if (!running) {
                    return;
                }
                now = new Waiting(port, "disconnected (" + (failure.isEmpty() ? "the port closed" : failure)
                        + "); plug the scanner back in", retry);
            } else {
                String why = ((SerialScanner.NotOpened) opened).message();
                // jSerialComm refuses a port name that names no device before any "check" advice is given
                now = new Waiting(port, why.contains("check") ? why : why + "; check the scanner is plugged in and the "
                        + "port name (input.serialPort in station.json)", retry);
            }
            last = report(last, now);
            sleep(retry.toMillis());
        }
    }

    private Status report(Status last, Status now) {
        if (!now.equals(last)) { // the same problem every retry is said once
            status.accept(now);
        }
        return now;
    }

    // A configured symbolic link (udev's /dev/serial/by-id/..., a test's pty link) may point elsewhere after a replug.
    private String device() {
        try {
            Path p = Path.of(port);
            return Files.isSymbolicLink(p) ? p.toRealPath().toString() : port;
        } catch (IOException | RuntimeException e) {
            return port; // not a path (COM3) or gone: let the open say what is wrong
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            running = false; // close() interrupts: stop
        }
    }

    /** Stops the link and closes the port; waits up to 3 s for the thread. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        SerialScanner s = open;
        if (s != null) {
            s.close();
        }
        try {
            thread.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

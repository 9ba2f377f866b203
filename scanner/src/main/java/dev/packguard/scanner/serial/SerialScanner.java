package dev.packguard.scanner.serial;

import com.fazecast.jSerialComm.SerialPort;
import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ParseError.Rule;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.scan.ScanDecoder;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A scanner on a serial port (RS-232, USB CDC/ACM "virtual COM"), sending framed scans with
 * AIM symbology identifiers and GS as the byte 0x1D. A daemon thread reads the port, frames
 * scans ({@link ScanFramer}) and hands each, parsed with an exact {@link ScanDecoder} (serial
 * scanners do not damage GS, case or layout), to the listener, on that thread. The listener
 * must not block for long. {@link #close()} stops the thread and closes the port.
 */
public final class SerialScanner implements AutoCloseable {
    private final SerialPort port;
    private final Thread reader;
    private volatile boolean running = true;
    private volatile String failure = "";

    private SerialScanner(SerialPort port, ScanDecoder decoder, Consumer<SerialScan> listener) {
        this.port = port;
        this.reader = new Thread(() -> readLoop(decoder, listener), "serial-scanner-" + port.getSystemPortName());
        this.reader.setDaemon(true);
    }

    /** The outcome of opening a port. */
    public sealed interface Opened permits Ready, NotOpened {
    }

    /** The scanner is being read. */
    public record Ready(SerialScanner scanner) implements Opened {
    }

    /** The port could not be opened; the message says why and what to check. */
    public record NotOpened(String message) implements Opened {
    }

    /**
     * Opens {@code portName} (e.g. {@code /dev/ttyACM0}, {@code COM3}) at {@code baudRate}, 8N1,
     * and starts reading.
     */
    public static Opened open(String portName, int baudRate, ScanDecoder decoder, Consumer<SerialScan> listener) {
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(listener, "listener");
        SerialPort port;
        try {
            port = SerialPort.getCommPort(portName);
        } catch (RuntimeException e) {
            return new NotOpened("no serial port " + portName + ": " + e.getMessage());
        }
        port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 200, 0);
        if (!port.openPort()) {
            return new NotOpened("cannot open " + portName + " (error " + port.getLastErrorCode()
                    + "); check the scanner is plugged in, the port name, and that this user may use it "
                    + "(Linux: member of the dialout group)");
        }
        SerialScanner scanner = new SerialScanner(port, decoder, listener);
        scanner.reader.start();
        return new Ready(scanner);
    }

    private void readLoop(ScanDecoder decoder, Consumer<SerialScan> listener) {
        ScanFramer framer = new ScanFramer(ScanDecoder.MAX_SCAN_LENGTH);
        byte[] buffer = new byte[1024];
        while (running) {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                failure = "the serial port stopped answering (error " + port.getLastErrorCode() + ")";
                running = false;
                break;
            }
            for (ScanFramer.Frame frame : framer.feed(buffer, n)) {
                ParseResult result = frame.overlong()
                        ? new ParseResult.Failure(ParseError.at(ScanDecoder.MAX_SCAN_LENGTH, Rule.INPUT_TOO_LONG,
                                "the scanner sent more than " + ScanDecoder.MAX_SCAN_LENGTH + " characters without CR/LF"))
                        : decoder.decode(frame.text());
                listener.accept(new SerialScan(frame.text(), result));
            }
        }
    }

    /** Whether the reading thread is still running. */
    public boolean isRunning() {
        return running && reader.isAlive();
    }

    /** Why reading stopped, or the empty string while it runs or after a normal close. */
    public String failure() {
        return failure;
    }

    /** Stops reading and closes the port; waits (up to 2 s) for the reading thread to end. */
    @Override
    public void close() {
        running = false;
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the caller's interrupt; still close the port
        }
        port.closePort();
    }
}

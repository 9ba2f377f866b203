package dev.packguard.scanner.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.scan.ScanDecoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real serial port: a pseudo-terminal pair from socat, the scanner side written to as a
 * scanner would, the other opened through jSerialComm. Skipped where socat is missing; CI
 * installs it (apt-get install -y socat).
 */
class SerialScannerTest {
    private Process socat;

    @AfterEach
    void stopSocat() throws InterruptedException {
        if (socat != null) {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static boolean socatInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void open_readsFramedScansFromAPseudoTerminal(@TempDir Path dir) throws Exception {
        assumeTrue(socatInstalled(), "socat is not installed: this test needs a pty pair "
                + "(apt-get install -y socat; CI installs it)");
        Path host = dir.resolve("host");
        Path device = dir.resolve("scanner");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        for (int i = 0; i < 100 && !(Files.exists(host) && Files.exists(device)); i++) {
            Thread.sleep(50);
        }
        assumeTrue(Files.exists(host) && Files.exists(device), "socat did not create the pty pair");

        BlockingQueue<SerialScan> scans = new LinkedBlockingQueue<>();
        SerialScanner.Opened opened = SerialScanner.open(host.toRealPath().toString(), 9600, ScanDecoder.exact(), scans::add);
        assertThat(opened).as(opened.toString()).isInstanceOf(SerialScanner.Ready.class);
        try (SerialScanner scanner = ((SerialScanner.Ready) opened).scanner();
                OutputStream out = Files.newOutputStream(device.toRealPath())) {
            write(out, "]d20109506000134352172612311012345\u001d21SER1\r\n");
            write(out, "]d20109506000134353\r\n");
            write(out, "]Q1https://id.gs1.org/01/09506000134352/21/QR1\r");

            SerialScan first = scans.poll(10, TimeUnit.SECONDS);
            SerialScan second = scans.poll(10, TimeUnit.SECONDS);
            SerialScan third = scans.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(((ParseResult.Success) first.result()).identifier().serial()).contains("SER1");
            assertThat(second.result()).isInstanceOf(ParseResult.Failure.class);
            assertThat(((ParseResult.Success) third.result()).identifier().serial()).contains("QR1");
            assertThat(scanner.isRunning()).isTrue();
        }
    }

    @Test
    void open_missingPortSaysWhatToCheck() {
        SerialScanner.Opened opened = SerialScanner.open("/dev/packguard-no-such-port", 9600, ScanDecoder.exact(), s -> { });
        assertThat(opened).isInstanceOf(SerialScanner.NotOpened.class);
        assertThat(((SerialScanner.NotOpened) opened).message()).contains("/dev/packguard-no-such-port");
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}

package dev.packguard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.testing.SignedTestLog;
import dev.packguard.node.sequencer.NodeFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code packguard ledger serve}: a node served on 127.0.0.1, stopped by a signal or in-process. */
class LedgerServeCommandTest {
    private static final String ORIGIN = "example.org/serve-test";
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:[0-9]+/)");

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private Path newNode() throws Exception {
        Path log = dir.resolve("log");
        NodeFiles.create(log, SignedTestLog.key(ORIGIN, SignatureType.ED25519));
        return log;
    }

    private HttpResponse<String> post(URI base, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serve_node_acceptsEntriesAndStopsCleanly() throws Exception {
        Path log = newNode();
        LedgerServeCommand cmd = new LedgerServeCommand();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(cmd).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute("--dir", log.toString(), "--port", "0"));
        URI base = awaitUrl(out);
        HttpResponse<String> added = post(base, "add", "{\"a\":1}");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).startsWith("c2sp.org/tlog-proof@v1\nindex 0\n");
        assertThat(http.send(HttpRequest.newBuilder(base.resolve("checkpoint")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).startsWith(ORIGIN + "\n1\n");
        cmd.stop.countDown();
        assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("(submissions: POST " + base + "add)", "stopped at checkpoint: " + ORIGIN + " @ 1");
    }

    @Test
    void serve_sigterm_integratesAcceptedEntriesBeforeExiting() throws Exception {
        Path log = newNode();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "ledger", "serve", "--dir", log.toString(), "--port", "0")
                .redirectError(dir.resolve("serve.err").toFile()).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = reader.readLine();
        assertThat(first).as("first line of output").isNotNull();
        Matcher m = URL.matcher(first);
        assertThat(m.find()).as(first).isTrue();
        URI base = URI.create(m.group(1));
        for (int i = 0; i < 20; i++) {
            assertThat(post(base, "add?wait=0", "{\"n\":" + i + "}").statusCode()).isEqualTo(202);
        }
        // SIGTERM; Process.destroy() would also close our end of the child's output.
        assertThat(p.toHandle().destroy()).isTrue();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String rest = String.join("\n", reader.lines().toList());
        assertThat(rest).contains("stopped");
        assertThat(Files.readString(log.resolve("checkpoint"))).startsWith(ORIGIN + "\n20\n");
    }

    @Test
    void serve_directoryThatIsNotALog_exits65() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new LedgerServeCommand()).setErr(new PrintWriter(err, true))
                .execute("--dir", dir.toString(), "--port", "0");
        assertThat(code).isEqualTo(ExitCode.DATA);
        assertThat(err.toString()).contains("neither a log");
    }

    private static URI awaitUrl(StringWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = URL.matcher(out.toString());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no URL printed: " + out);
    }
}

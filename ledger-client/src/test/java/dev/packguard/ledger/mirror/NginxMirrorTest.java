package dev.packguard.ledger.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyParser;
import dev.packguard.ledger.testing.SignedTestLog;
import dev.packguard.ledger.tlog.Hash;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Any static web server can serve a log": the station mirrors a log directory that nginx serves
 * (with gzip) and that an independent writer (a short Python program written from the
 * tlog-tiles spec, in test resources) produced. Only the checkpoint is signed by our code.
 * Skipped with a message when nginx or python3 is not installed; CI installs nginx.
 */
class NginxMirrorTest {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    private Process nginx;
    private int port;
    private final List<byte[]> entries = new ArrayList<>();
    private final SignedTestLog keys = new SignedTestLog("nginx.example/log", 1, CLOCK);

    @BeforeEach
    void startNginx() throws Exception {
        assumeTrue(Files.isExecutable(NGINX), "nginx is not installed (apt-get install nginx); .ci/run installs it");
        assumeTrue(run("python3", "--version").exitValue() == 0, "python3 is not installed");
        Files.createDirectories(tmp.resolve("www"));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        String conf = """
                %s
                daemon off;
                worker_processes 1;
                pid %s/nginx.pid;
                error_log %s/error.log;
                events { worker_connections 64; }
                http {
                  access_log off;
                  client_body_temp_path %s/t1; proxy_temp_path %s/t2; fastcgi_temp_path %s/t3;
                  uwsgi_temp_path %s/t4; scgi_temp_path %s/t5;
                  default_type application/octet-stream;
                  gzip on; gzip_types *; gzip_min_length 1;
                  server {
                    listen 127.0.0.1:%d;
                    root %s/www;
                    location = /checkpoint { add_header Cache-Control no-cache; }
                    location /tile/ { add_header Cache-Control "max-age=31536000, immutable"; }
                  }
                }
                """.formatted(root ? "user root;" : "", tmp, tmp, tmp, tmp, tmp, tmp, tmp, port, tmp);
        Files.writeString(tmp.resolve("nginx.conf"), conf);
        nginx = new ProcessBuilder(NGINX.toString(), "-c", tmp.resolve("nginx.conf").toString(), "-p", tmp.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("nginx.out").toFile()).start();
        for (int i = 0; i < 100 && !listening(); i++) {
            Thread.sleep(50);
        }
        assertThat(listening()).as("nginx started: " + Files.readString(tmp.resolve("nginx.out"))).isTrue();
    }

    @AfterEach
    void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private boolean listening() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Process run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        return p;
    }

    /** Adds entries, has the Python writer write the directory, and signs its root. Returns the root. */
    private Hash publish(int more, Random random) throws Exception {
        for (int i = 0; i < more; i++) {
            int length = entries.isEmpty() ? 0 : random.nextInt(700);
            byte[] e = new byte[length];
            random.nextBytes(e);
            entries.add(e);
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buf);
        for (byte[] e : entries) {
            out.writeInt(e.length);
            out.write(e);
        }
        Path input = tmp.resolve("entries.bin");
        Files.write(input, buf.toByteArray());
        Path script = tmp.resolve("tlog_writer.py");
        try (var in = getClass().getResourceAsStream("/independent/tlog_writer.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder("python3", script.toString(), input.toString(), tmp.resolve("www").toString())
                .redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(printed).isZero();
        String[] parts = printed.split(" ");
        assertThat(Long.parseLong(parts[0])).isEqualTo(entries.size());
        Hash root = Hash.parseBase64(parts[1]).ok().orElseThrow();
        Files.write(tmp.resolve("www/checkpoint"), keys.checkpoint(entries.size(), root, 1));
        return root;
    }

    @Test
    void sync_logWrittenIndependentlyAndServedByNginx_isMirroredAndVerified() throws Exception {
        Random random = new Random(7);
        Hash first = publish(1000, random);
        Policy policy = ((Parsed.Ok<Policy>) PolicyParser.parse(keys.policy(1))).value();
        try (MirrorStore store = MirrorStore.open(tmp.resolve("mirror.db"))) {
            MirrorSync sync = new MirrorSync(store, new LogFetcher(URI.create("http://127.0.0.1:" + port + "/"),
                    LogFetcher.Settings.defaults()), new PolicyVerifier(policy, CLOCK), CLOCK);
            SyncResult r = sync.sync(p -> { });
            assertThat(r).as(r.toString()).isInstanceOf(SyncResult.Synced.class);
            assertThat(store.verified().orElseThrow().root()).isEqualTo(first);

            Hash second = publish(300, random);
            SyncResult r2 = sync.sync(p -> { });
            assertThat(r2).as(r2.toString()).isInstanceOf(SyncResult.Synced.class);
            assertThat(((SyncResult.Synced) r2).newEntries()).isEqualTo(300);
            assertThat(store.verified().orElseThrow().root()).isEqualTo(second);
            assertThat(store.verified().orElseThrow().newestCosignature()).contains(CLOCK.instant());
        }
    }
}

package dev.packguard.bench.station;

import dev.packguard.app.gui.ReadyMarker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Cold start to ready-to-scan (docs/PERFORMANCE.md "Station"): starts the station's command in
 * a fresh process {@code RUNS} times, each time with {@link ReadyMarker#VARIABLE} naming a marker
 * file, and measures from just before the process is created to the time the station wrote in
 * the marker (taken on its FX thread when the packing screen was attached and took scans). Reads
 * the station's VmRSS and VmHWM at that moment, then ends it and its children. Run it under a
 * display; {@code xvfb-run -a} gives one to the whole series.
 *
 * <p>{@code xvfb-run -a java -cp bench/target/benchmarks.jar dev.packguard.bench.station.StartupHarness RUNS -- COMMAND...}
 */
public final class StartupHarness {
    private StartupHarness() {
    }

    public static void main(String[] args) throws Exception {
        int dash = Arrays.asList(args).indexOf("--");
        if (dash != 1 || args.length < 3) {
            System.err.println("usage: StartupHarness RUNS -- COMMAND [ARG]...");
            System.exit(64);
        }
        int runs = Integer.parseInt(args[0]);
        List<String> command = List.of(args).subList(2, args.length);
        Path marker = Files.createTempDirectory("packguard-startup").resolve("ready");
        long[] nanos = new long[runs];
        List<Memory> memory = new ArrayList<>();
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            Files.deleteIfExists(marker);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(marker.resolveSibling("station-" + i + ".log").toFile());
            pb.environment().put(ReadyMarker.VARIABLE, marker.toString());
            long startedMillis = System.currentTimeMillis();
            Process p = pb.start();
            try {
                String[] ready = awaitMarker(marker, p, 120).trim().split(" ");
                long readyMillis = Long.parseLong(ready[1]);
                long pid = Long.parseLong(ready[2]);
                Memory m = Memory.of(pid);
                // The station's own figure, taken at ready (older stations wrote none: read it now).
                long cpuMillis = ready.length > 3 && !ready[3].equals("-1") ? Long.parseLong(ready[3]) : Memory.cpuMillis(pid);
                cpu[i] = TimeUnit.MILLISECONDS.toNanos(cpuMillis);
                nanos[i] = TimeUnit.MILLISECONDS.toNanos(readyMillis - startedMillis);
                memory.add(m);
                System.out.printf(Locale.ROOT, "run %d: ready after %,d ms, CPU time %,d ms, %s%n", i + 1,
                        readyMillis - startedMillis, cpuMillis, m);
            } finally {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        System.out.println("cold start -> ready to scan: " + Percentiles.of(nanos).describe());
        // CPU time does not grow with other processes' load the way wall-clock time does.
        System.out.println("CPU time of the station process at ready: " + Percentiles.of(cpu).describe());
        long[] rss = memory.stream().mapToLong(Memory::rssKb).toArray();
        long[] hwm = memory.stream().mapToLong(Memory::hwmKb).toArray();
        System.out.printf(Locale.ROOT, "at ready: VmRSS median %,d MB (max %,d MB), VmHWM median %,d MB (max %,d MB)%n",
                Percentiles.of(rss).median() / 1024, Percentiles.of(rss).max() / 1024,
                Percentiles.of(hwm).median() / 1024, Percentiles.of(hwm).max() / 1024);
        System.out.println("station output: " + marker.getParent());
    }

    // Polls every 5 ms: the marker appears whole (written beside it, then renamed).
    private static String awaitMarker(Path marker, Process p, int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(marker)) {
                return Files.readString(marker, StandardCharsets.US_ASCII);
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("the station exited (" + p.exitValue() + ") before it was ready; see "
                        + marker.getParent());
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the station was not ready after " + timeoutSeconds + " s; see " + marker.getParent());
    }
}

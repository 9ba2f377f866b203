package dev.packguard.app.gui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a start-up measurement (docs/PERFORMANCE.md "Station") when the packing screen accepts
 * scans: when the environment variable {@value #VARIABLE} names a file, the station writes
 * {@code ready <epoch millis> <pid> <cpu millis>} to it, the time taken on the FX thread the
 * moment the screen was attached, with the CPU time the process had used by then (all its
 * threads; -1 where the system does not say). That figure does not grow when other programs
 * share the processor, so start-up work can be compared on a busy machine too. The file appears whole (written beside it, then renamed), so a reader
 * never sees half a line. Without the variable nothing happens.
 */
public final class ReadyMarker {
    /** The environment variable naming the marker file. */
    public static final String VARIABLE = "PACKGUARD_READY_FILE";

    private ReadyMarker() {
    }

    /** The marker file requested by {@code environment}, if any. */
    public static Optional<Path> requested(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(VARIABLE)).filter(s -> !s.isBlank()).map(Path::of);
    }

    /** The marker's text for a station ready at {@code epochMillis} in process {@code pid} having used {@code cpuMillis}. */
    public static String line(long epochMillis, long pid, long cpuMillis) {
        return "ready " + epochMillis + " " + pid + " " + cpuMillis + "\n";
    }

    /**
     * Records "ready now" if a marker was requested: the time is taken here, on the caller's
     * (FX) thread; the file is written on {@code executor}, off the FX thread.
     */
    public static void signal(TaskExecutor executor) {
        Optional<Path> file = requested(System.getenv());
        if (file.isEmpty()) {
            return;
        }
        ProcessHandle self = ProcessHandle.current();
        String text = line(System.currentTimeMillis(), self.pid(),
                self.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L));
        executor.run(() -> write(file.get(), text), problem -> problem.ifPresent(System.err::println));
    }

    private static Optional<String> write(Path file, String text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        } catch (IOException e) {
            // A measurement aid: the station works on, the measurement reports a missing marker.
            return Optional.of("packguard: cannot write the ready marker " + file + ": " + e.getMessage());
        }
    }
}

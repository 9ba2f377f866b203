package dev.packguard.bench.station;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A process's memory as Linux reports it in {@code /proc/PID/status} (proc(5)): {@code VmRSS},
 * the resident set now, and {@code VmHWM}, its peak so far, in kB.
 */
record Memory(long rssKb, long hwmKb) {
    /** This process's memory now. */
    static Memory now() throws IOException {
        return of(ProcessHandle.current().pid());
    }

    /** Process {@code pid}'s memory now. */
    static Memory of(long pid) throws IOException {
        return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    }

    /** The two fields of a {@code /proc/PID/status} text; a field that is missing is refused. */
    static Memory parse(String status) {
        return new Memory(field(status, "VmRSS:"), field(status, "VmHWM:"));
    }

    private static long field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                String value = line.substring(name.length()).trim();
                if (!value.endsWith(" kB")) {
                    throw new IllegalArgumentException("unexpected unit in " + line);
                }
                return Long.parseLong(value.substring(0, value.length() - 3).trim());
            }
        }
        throw new IllegalArgumentException("no " + name + " in the status text");
    }

    /**
     * CPU time process {@code pid} has used so far, user plus system, in milliseconds: fields 14
     * and 15 of {@code /proc/PID/stat} (proc(5)), in clock ticks of 10 ms (USER_HZ is 100 on Linux).
     * Counted after the command name, which may hold spaces and parentheses.
     */
    static long cpuMillis(long pid) throws IOException {
        return cpuMillis(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    static long cpuMillis(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state), so field n is f[n - 3].
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "VmRSS %,d MB, VmHWM %,d MB", rssKb / 1024, hwmKb / 1024);
    }
}

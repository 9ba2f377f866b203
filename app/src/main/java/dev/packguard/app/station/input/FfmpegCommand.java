package dev.packguard.app.station.input;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ffmpeg command lines that read a camera, as pure functions of the operating system, the
 * device and the frame format, and the reading of ffmpeg's device lists. ffmpeg knows every
 * OS's camera API (ffmpeg-devices: v4l2 on Linux, dshow on Windows, avfoundation on macOS),
 * which the JVM and JavaFX do not; the station reads its raw grey pictures from a pipe.
 */
public final class FfmpegCommand {
    /** What ffmpeg cannot go without, said on the status line and in docs/CONFIGURATION.md. */
    public static final String NEEDS_FFMPEG = "Camera scanning needs ffmpeg: install it or set input.ffmpeg";

    private FfmpegCommand() {
    }

    /** The operating systems whose camera API ffmpeg is told to use. */
    public enum Os {
        /** Video4Linux2. */
        LINUX,
        /** DirectShow. */
        WINDOWS,
        /** AVFoundation. */
        MACOS;

        /** The OS this JVM runs on; anything not Windows or macOS is taken for Linux (the BSDs have v4l2 too). */
        public static Os current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            return name.startsWith("windows") ? WINDOWS : name.startsWith("mac") ? MACOS : LINUX;
        }
    }

    /**
     * The input arguments that open {@code device} on {@code os}: the only part of the command
     * that differs between cameras (and that a test replaces by a video file).
     */
    public static List<String> cameraInput(Os os, String device) {
        Objects.requireNonNull(device, "device");
        return switch (os) {
            case LINUX -> List.of("-f", "v4l2", "-i", device);
            // an argument list, not a shell: the name needs no quotes even with spaces in it
            case WINDOWS -> List.of("-f", "dshow", "-i", "video=" + device);
            // avfoundation's default of 29.97 pictures a second is refused by many built-in Mac cameras
            case MACOS -> List.of("-f", "avfoundation", "-framerate", "30", "-i", device);
        };
    }

    /**
     * The whole command: {@code ffmpeg}, quiet but for errors (their last line is the status
     * line's explanation), then {@code input}, then one video stream turned into {@code format}:
     * resampled to its rate, scaled to fit its size without distortion (a square code must stay
     * square) and padded with white to exactly that size, grey, raw, to standard output.
     */
    public static List<String> command(Path ffmpeg, List<String> input, FrameFormat format) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-nostats",
                "-loglevel", "error"));
        cmd.addAll(input);
        int w = format.width();
        int h = format.height();
        cmd.addAll(List.of("-an", "-sn", "-dn",
                "-vf", "fps=" + format.fps() + ",scale=" + w + ":" + h + ":force_original_aspect_ratio=decrease,pad="
                        + w + ":" + h + ":-1:-1:color=white",
                "-pix_fmt", "gray", "-f", "rawvideo", "pipe:1"));
        return List.copyOf(cmd);
    }

    /** The command whose output (standard output and error together) {@link #parseDevices} reads. */
    public static List<String> listCommand(Path ffmpeg, Os os) {
        String exe = ffmpeg.toString();
        return switch (os) {
            case LINUX -> List.of(exe, "-hide_banner", "-nostdin", "-sources", "v4l2");
            case WINDOWS -> List.of(exe, "-hide_banner", "-nostdin", "-list_devices", "true", "-f", "dshow", "-i", "dummy");
            case MACOS -> List.of(exe, "-hide_banner", "-nostdin", "-f", "avfoundation", "-list_devices", "true", "-i", "");
        };
    }

    // ffmpeg prefixes a device's log lines with its context: "[dshow @ 000001f3c2b1e0c0] ".
    private static final Pattern CONTEXT = Pattern.compile("^\\[[^\\]]* @ [0-9a-fA-Fx]+\\] ?");
    // -sources: "* name [description]" for the default device, "  name [description]" for others
    private static final Pattern SOURCE = Pattern.compile("^[* ] (.+) \\[.*\\]$");
    // dshow: "\"Integrated Camera\" (video)" since ffmpeg 4.3; before, a bare "\"Integrated Camera\"" in a section
    private static final Pattern DSHOW = Pattern.compile("^\\s*\"(.+)\"(?:\\s+\\(([^)]*)\\))?\\s*$");
    // avfoundation: "[0] FaceTime HD Camera"
    private static final Pattern AVFOUNDATION = Pattern.compile("^\\[(\\d+)\\] (.+)$");

    /**
     * The camera devices in {@code output} of {@link #listCommand}, in ffmpeg's order, each as
     * {@link #cameraInput} takes it: v4l2 device paths; DirectShow video device names (audio
     * devices left out); AVFoundation video device names without the "Capture screen" entries,
     * which are screens, not cameras. Empty when there is none or the output is not a list.
     */
    public static List<String> parseDevices(Os os, String output) {
        List<String> devices = new ArrayList<>();
        boolean inList = false;
        for (String raw : output.split("\\R")) {
            String line = CONTEXT.matcher(raw).replaceFirst("");
            switch (os) {
                case LINUX -> {
                    if (raw.startsWith("Auto-detected sources for ")) {
                        inList = true;
                    } else if (inList) {
                        Matcher m = SOURCE.matcher(raw);
                        if (m.matches()) {
                            devices.add(m.group(1));
                        }
                    }
                }
                case WINDOWS -> {
                    if (line.startsWith("DirectShow video devices")) {
                        inList = true;
                    } else if (line.startsWith("DirectShow audio devices")) {
                        inList = false;
                    } else {
                        Matcher m = DSHOW.matcher(line);
                        if (m.matches() && (m.group(2) == null ? inList : m.group(2).contains("video"))) {
                            devices.add(m.group(1));
                        }
                    }
                }
                case MACOS -> {
                    if (line.startsWith("AVFoundation video devices")) {
                        inList = true;
                    } else if (line.startsWith("AVFoundation audio devices")) {
                        inList = false;
                    } else if (inList) {
                        Matcher m = AVFOUNDATION.matcher(line);
                        if (m.matches() && !m.group(2).startsWith("Capture screen")) {
                            devices.add(m.group(2));
                        }
                    }
                }
            }
        }
        return List.copyOf(devices);
    }

    /** Where ffmpeg is, or why it cannot be used. */
    public sealed interface Located permits Found, Missing {
    }

    /** The executable to run. */
    public record Found(Path executable) implements Located {
        /** Requires the path. */
        public Found {
            Objects.requireNonNull(executable, "executable");
        }
    }

    /** No usable ffmpeg; {@link #message()} is the status line's sentence. */
    public record Missing(Optional<Path> configured) implements Located {
        /** Requires the configured path, empty when ffmpeg was looked for on the PATH. */
        public Missing {
            Objects.requireNonNull(configured, "configured");
        }

        /** {@link #NEEDS_FFMPEG}, and the configured path that is not an executable file, if one was set. */
        public String message() {
            return NEEDS_FFMPEG + configured.map(p -> " (input.ffmpeg is " + p + ", which is not an executable file)")
                    .orElse(" (it is not on the PATH)");
        }
    }

    /**
     * The ffmpeg to run: {@code configured} (input.ffmpeg) when set, which must then be an
     * executable file; otherwise the first executable {@code ffmpeg} ({@code ffmpeg.exe} on
     * Windows) in the folders of {@code path} (the PATH variable's value).
     */
    public static Located locate(Optional<Path> configured, String path, Os os) {
        if (configured.isPresent()) {
            Path p = configured.get();
            return Files.isRegularFile(p) && Files.isExecutable(p) ? new Found(p) : new Missing(configured);
        }
        String name = os == Os.WINDOWS ? "ffmpeg.exe" : "ffmpeg";
        for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
            if (dir.isBlank()) {
                continue;
            }
            try {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return new Found(p);
                }
            } catch (InvalidPathException e) {
                // a PATH entry that is no path on this OS names no ffmpeg; the next may
            }
        }
        return new Missing(Optional.empty());
    }
}

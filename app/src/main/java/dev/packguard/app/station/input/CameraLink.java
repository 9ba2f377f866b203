package dev.packguard.app.station.input;

import dev.packguard.scanner.image.DecodedCode;
import dev.packguard.scanner.image.ImageDecoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A camera kept watched for codes (DESIGN.md "The station": camera where present): an ffmpeg
 * process ({@link FfmpegCommand}) writes raw grey pictures to a pipe; this link reads them on
 * its own thread, whole frames only ({@link RawFrames}); a second thread decodes the newest
 * picture with the scanner module's {@link ImageDecoder#decodeFirst} (frames that arrive while
 * one is being decoded replace each other, so at most one waits and a slow decoder skips frames
 * instead of falling behind), and {@link Sightings} makes each appearance of a code one scan.
 * When ffmpeg is missing, the camera is missing or busy, or ffmpeg stops, the link says so and
 * tries again, waiting twice as long after each attempt that got no picture, up to 30 s.
 *
 * <p>The status listener is called on the link's thread, the scan listener on its decoding
 * thread; the station moves both onto the FX thread.
 */
public final class CameraLink implements AutoCloseable {
    /** The first wait before trying again, unless told otherwise. */
    public static final Duration RETRY = Duration.ofSeconds(2);
    /** How long a code must have been out of view to be scanned again. */
    public static final Duration GONE = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final int MAX_LIST_BYTES = 256 * 1024;
    private static final int MAX_LINE = 300;
    // ffmpeg prefixes log lines with their context ("[video4linux2,v4l2 @ 0x55d0c0a3e2c0] "): noise on a status line
    private static final Pattern CONTEXT = Pattern.compile("^\\[[^\\]]* @ [0-9a-fA-Fx]+\\] ?");

    /** Where the pictures come from: ffmpeg's input arguments, or why there is no camera. */
    public sealed interface Source permits Camera, NoCamera {
    }

    /** A camera called {@code name} on the status line, opened by ffmpeg with {@code input}. */
    public record Camera(String name, List<String> input) implements Source {
        /** Requires every field; copies the arguments. */
        public Camera {
            Objects.requireNonNull(name, "name");
            input = List.copyOf(input);
        }
    }

    /** No camera to open, for {@code problem}. */
    public record NoCamera(String problem) implements Source {
        /** Requires the problem. */
        public NoCamera {
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * Finds the source with the ffmpeg found: the one point where a real camera and a test's
     * video file differ; everything after it (process, pipe, frames, decoding, scans, retries,
     * stop) is the same code. Called on the link's thread before every attempt.
     */
    @FunctionalInterface
    public interface SourceFinder {
        /** The source to open now. */
        Source find(Path ffmpeg);
    }

    /** Where the link stands, for the status bar. */
    public sealed interface Status permits Watching, Waiting {
        /** One line for the operator. */
        String message();
    }

    /** Pictures are arriving from {@code camera} and being decoded. */
    public record Watching(String camera) implements Status {
        @Override
        public String message() {
            return "Camera " + camera + ": watching for codes";
        }
    }

    /**
     * No pictures, for {@code problem}; the link tries again in {@code retry}. {@code camera} is
     * empty when the problem comes before any camera (ffmpeg missing).
     */
    public record Waiting(String camera, String problem, Duration retry) implements Status {
        /** Requires every field. */
        public Waiting {
            Objects.requireNonNull(camera, "camera");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(retry, "retry");
        }

        @Override
        public String message() {
            String in = dev.packguard.app.station.Ages.shortWait(retry);
            return (camera.isEmpty() ? "" : "Camera " + camera + ": ") + problem + ". Trying again in " + in + ".";
        }
    }

    /** Frames read from ffmpeg, decoded, and skipped because a newer one arrived first. */
    public record Counts(long read, long decoded, long skipped) {
    }

    /**
     * @param source what ffmpeg opens ({@link #finder} for the configured camera)
     * @param ffmpeg input.ffmpeg; empty: found on the PATH
     * @param format the pictures ffmpeg is asked for
     * @param retry the first wait before trying again
     */
    public record Settings(SourceFinder source, Optional<Path> ffmpeg, FrameFormat format, Duration retry) {
        /** Requires every field and a positive retry. */
        public Settings {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(ffmpeg, "ffmpeg");
            Objects.requireNonNull(format, "format");
            if (retry.isNegative() || retry.isZero()) {
                throw new IllegalArgumentException("retry must be positive: " + retry);
            }
        }
    }

    private final Settings settings;
    private final Consumer<String> scans;
    private final Consumer<Status> status;
    private final Thread link;
    private final Thread decoding;
    private final Latest latest;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong decoded = new AtomicLong();
    private volatile boolean running = true;
    private volatile Process process;

    private CameraLink(Settings settings, Consumer<String> scans, Consumer<Status> status) {
        this.settings = settings;
        this.scans = scans;
        this.status = status;
        this.latest = new Latest(settings.format());
        this.link = new Thread(this::run, "camera-link");
        this.decoding = new Thread(this::decode, "camera-decoding");
        link.setDaemon(true);
        decoding.setDaemon(true);
    }

    /**
     * Starts watching.
     *
     * @param scans gets each code once per appearance, as a scanner would have sent it (AIM identifier, GS as 0x1D)
     * @param status gets every change of {@link Status}
     */
    public static CameraLink start(Settings settings, Consumer<String> scans, Consumer<Status> status) {
        CameraLink l = new CameraLink(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(scans, "scans"),
                Objects.requireNonNull(status, "status"));
        l.decoding.start();
        l.link.start();
        return l;
    }

    /**
     * The source for {@code setting} on {@code os}: a named device as it is; {@code auto} the
     * first camera ffmpeg lists, or "no camera found".
     *
     * @throws IllegalArgumentException for {@link CameraSetting.Off}: there is nothing to watch
     */
    public static SourceFinder finder(CameraSetting setting, FfmpegCommand.Os os) {
        if (setting instanceof CameraSetting.Device d) {
            return ffmpeg -> new Camera(d.name(), FfmpegCommand.cameraInput(os, d.name()));
        }
        if (setting instanceof CameraSetting.Auto) {
            return ffmpeg -> {
                List<String> devices = FfmpegCommand.parseDevices(os, list(FfmpegCommand.listCommand(ffmpeg, os)));
                return devices.isEmpty() ? new NoCamera("no camera found")
                        : new Camera(devices.get(0), FfmpegCommand.cameraInput(os, devices.get(0)));
            };
        }
        throw new IllegalArgumentException("the camera is off");
    }

    // The device list ffmpeg prints; empty when it could not be run or took longer than 10 s.
    private static String list(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(MAX_LIST_BYTES);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                kill(p);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The frames so far. */
    public Counts counts() {
        return new Counts(read.get(), decoded.get(), latest.skipped());
    }

    private record Failure(String camera, String problem, boolean sawPictures) {
    }

    private void run() {
        Status last = null;
        Duration wait = settings.retry();
        Duration max = settings.retry().compareTo(MAX_RETRY) > 0 ? settings.retry() : MAX_RETRY;
        while (running) {
            Failure f = attempt();
            if (!running) {
                return;
            }
            if (f.sawPictures()) {
                wait = settings.retry();
                last = null; // "watching" was said since: say the problem even if it is the same as before
            }
            Status now = new Waiting(f.camera(), f.problem(), wait);
            if (!now.equals(last)) { // the same problem every retry is said once
                status.accept(now);
            }
            last = now;
            sleep(wait);
            if (!f.sawPictures()) {
                wait = wait.multipliedBy(2).compareTo(max) > 0 ? max : wait.multipliedBy(2);
            }
        }
    }

    // One go: find ffmpeg and the camera, run ffmpeg and read its pictures until it stops.
    private Failure attempt() {
        FfmpegCommand.Located located = FfmpegCommand.locate(settings.ffmpeg(), System.getenv().getOrDefault("PATH", ""),
                FfmpegCommand.Os.current());
        if (located instanceof FfmpegCommand.Missing missing) {
            return new Failure("", missing.message(), false);
        }
        Path ffmpeg = ((FfmpegCommand.Found) located).executable();
        Source source = settings.source().find(ffmpeg);
        if (source instanceof NoCamera none) {
            return new Failure("", "Camera: " + none.problem(), false);
        }
        Camera camera = (Camera) source;
        Process p;
        try {
            p = new ProcessBuilder(FfmpegCommand.command(ffmpeg, camera.input(), settings.format())).start();
            p.getOutputStream().close();
        } catch (IOException e) {
            return new Failure(camera.name(), "ffmpeg could not be started (" + e.getMessage() + ")", false);
        }
        process = p;
        if (!running) { // close() came while starting: it may have missed this process
            kill(p);
        }
        AtomicReference<String> lastLine = new AtomicReference<>("");
        Thread errors = new Thread(() -> keepLastLine(p, lastLine), "camera-ffmpeg-errors");
        errors.setDaemon(true);
        errors.start();
        boolean pictures = readFrames(p, camera);
        latest.gap();
        kill(p);
        process = null;
        try {
            errors.join(2_000); // ffmpeg's last words come after its last picture
        } catch (InterruptedException e) {
            running = false;
        }
        String said = lastLine.get();
        String exit = "ffmpeg exited with code " + p.exitValue();
        if (pictures) {
            return new Failure(camera.name(), "the pictures stopped (" + (said.isEmpty() ? exit : said) + ")", true);
        }
        return new Failure(camera.name(), said.isEmpty() ? exit + " before the first picture" : said, false);
    }

    // Reads until the pipe ends; says "watching" at the first picture (the run loop said any problem before).
    private boolean readFrames(Process p, Camera camera) {
        RawFrames frames = new RawFrames(p.getInputStream(), settings.format().frameBytes());
        boolean pictures = false;
        while (running) {
            BufferedImage image = latest.empty();
            RawFrames.Read r;
            try {
                r = frames.next(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
            } catch (IOException e) {
                r = new RawFrames.Ended(0); // the pipe broke: ffmpeg was killed
            }
            if (r instanceof RawFrames.Ended) {
                latest.done(image);
                break;
            }
            if (!pictures) {
                pictures = true;
                status.accept(new Watching(camera.name()));
            }
            read.incrementAndGet();
            latest.put(image, System.nanoTime());
        }
        return pictures;
    }

    private static void keepLastLine(Process p, AtomicReference<String> lastLine) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                String clean = CONTEXT.matcher(line).replaceFirst("").strip();
                if (!clean.isEmpty()) {
                    lastLine.set(clean.length() > MAX_LINE ? clean.substring(0, MAX_LINE) + "\u2026" : clean);
                }
            }
        } catch (IOException e) {
            // the process was killed: what it said until then stands
        }
    }

    private void decode() {
        ImageDecoder decoder = new ImageDecoder(); // this thread's own: ZXing readers keep state
        Sightings sightings = new Sightings(GONE);
        for (Optional<Latest.Taken> t = latest.take(); t.isPresent(); t = latest.take()) {
            if (t.get().afterGap()) {
                sightings.interrupted();
            }
            List<String> codes;
            try {
                codes = decoder.decodeFirst(t.get().image()).map(DecodedCode::scan).stream().toList();
            } catch (RuntimeException e) {
                // ZXing has thrown on the odd degenerate picture; one frame must not end camera scanning
                codes = List.of();
            }
            latest.done(t.get().image());
            decoded.incrementAndGet();
            for (String code : sightings.frame(codes, t.get().nanos())) {
                scans.accept(code);
            }
        }
    }

    // Ends ffmpeg and anything it started: politely first, so the camera is released cleanly.
    private static void kill(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            children.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            running = false; // close() interrupts: stop
        }
    }

    /** Stops watching: ends ffmpeg and its children, and waits up to 3 s for the link's threads. */
    @Override
    public void close() {
        running = false;
        Process p = process;
        if (p != null) {
            kill(p);
        }
        latest.close();
        link.interrupt();
        try {
            link.join(3_000);
            decoding.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

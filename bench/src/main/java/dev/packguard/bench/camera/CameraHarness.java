package dev.packguard.bench.camera;

import dev.packguard.app.station.input.CameraLink;
import dev.packguard.app.station.input.FfmpegCommand;
import dev.packguard.app.station.input.FrameFormat;
import dev.packguard.scanner.image.Gs1DataMatrixWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The camera path end to end (docs/SCANNER.md "Inputs in the station"): ffmpeg plays, in real
 * time, a video of {@code APPEARANCES} pack labels, each shown for 2 s and followed by 2 s of
 * empty scene (both with sensor-like noise), through the station's {@link CameraLink} at
 * {@code WxH}, 10 pictures a second. Prints the frames read, decoded and skipped, the scans
 * against the appearances, the delay from each label's first frame to its scan, and the CPU
 * time of the station's process and of ffmpeg per second of video. Needs ffmpeg on the PATH.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.packguard.bench.camera.CameraHarness [W H APPEARANCES]}
 */
public final class CameraHarness {
    private static final double SHOWN = 2;
    private static final double HIDDEN = 2;

    private CameraHarness() {
    }

    public static void main(String[] args) throws Exception {
        int w = args.length > 0 ? Integer.parseInt(args[0]) : 1280;
        int h = args.length > 1 ? Integer.parseInt(args[1]) : 720;
        int appearances = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        FfmpegCommand.Located located = FfmpegCommand.locate(Optional.empty(), System.getenv().getOrDefault("PATH", ""),
                FfmpegCommand.Os.current());
        if (!(located instanceof FfmpegCommand.Found found)) {
            System.err.println(((FfmpegCommand.Missing) located).message());
            System.exit(2);
            return;
        }
        Path dir = Files.createTempDirectory("packguard-camera");
        Path video = video(found.executable(), dir, w, h, appearances);
        List<long[]> scans = new CopyOnWriteArrayList<>(); // {nanoTime, appearance}
        List<String> texts = new CopyOnWriteArrayList<>();
        long[] firstPicture = {0};
        List<CameraLink.Status> statuses = new CopyOnWriteArrayList<>();
        long cpuBefore = cpuMillis(ProcessHandle.current());
        CameraLink link = CameraLink.start(new CameraLink.Settings(
                ffmpeg -> new CameraLink.Camera("video", List.of("-re", "-i", video.toString())), Optional.empty(),
                new FrameFormat(w, h, 10), Duration.ofMinutes(10)), text -> {
                    texts.add(text);
                    scans.add(new long[] {System.nanoTime()});
                }, s -> {
                    if (s instanceof CameraLink.Watching && firstPicture[0] == 0) {
                        firstPicture[0] = System.nanoTime();
                    }
                    statuses.add(s);
                });
        long ffmpegCpu = 0;
        while (statuses.stream().noneMatch(s -> s instanceof CameraLink.Waiting)) {
            for (ProcessHandle p : ProcessHandle.current().children().toList()) {
                ffmpegCpu = Math.max(ffmpegCpu, cpuMillis(p));
            }
            Thread.sleep(100);
        }
        long cpu = cpuMillis(ProcessHandle.current()) - cpuBefore;
        CameraLink.Counts counts = link.counts();
        link.close();

        double seconds = appearances * (SHOWN + HIDDEN);
        System.out.printf(Locale.ROOT, "%dx%d, 10 pictures/s, %.0f s of video, %d appearances of a label%n", w, h, seconds,
                appearances);
        System.out.printf(Locale.ROOT, "frames read %d, decoded %d (%.0f %%), skipped %d%n", counts.read(), counts.decoded(),
                100.0 * counts.decoded() / Math.max(1, counts.read()), counts.skipped());
        System.out.printf(Locale.ROOT, "scans %d (distinct texts %d), expected %d%n", texts.size(),
                texts.stream().distinct().count(), appearances);
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < scans.size() && i < appearances; i++) {
            double shownAt = firstPicture[0] / 1e6 + i * (SHOWN + HIDDEN) * 1000;
            delays.add(scans.get(i)[0] / 1e6 - shownAt);
        }
        System.out.printf(Locale.ROOT, "first frame of a label to its scan, ms: %s%n",
                delays.stream().map(d -> String.format(Locale.ROOT, "%.0f", d)).toList());
        System.out.printf(Locale.ROOT, "CPU: station %.0f ms per second of video, ffmpeg at least %.0f ms per second%n",
                cpu / seconds, ffmpegCpu / seconds);
    }

    private static long cpuMillis(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    // Label i (a distinct serial) for SHOWN s, then an empty scene for HIDDEN s; grey 235 background, noise sigma 6.
    private static Path video(Path ffmpeg, Path dir, int w, int h, int appearances) throws Exception {
        List<String> list = new ArrayList<>(List.of("ffconcat version 1.0"));
        Random random = new Random(42);
        for (int i = 0; i < appearances; i++) {
            String code = "0104012345000016" + "21CAM" + i + "\u001d10LOT42\u001d17281231";
            for (Optional<String> shot : List.of(Optional.of(code), Optional.<String>empty())) {
                Path png = dir.resolve("scene-" + i + (shot.isPresent() ? "-label" : "-empty") + ".png");
                ImageIO.write(scene(w, h, shot, random), "png", png.toFile());
                list.add("file '" + png.getFileName() + "'");
                list.add("duration " + (shot.isPresent() ? SHOWN : HIDDEN));
            }
        }
        list.add(list.get(list.size() - 2));
        Path concat = Files.write(dir.resolve("scenes.ffconcat"), list);
        Path video = dir.resolve("labels.mkv");
        Process p = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f",
                "concat", "-safe", "0", "-i", concat.toString(), "-vf", "fps=10,format=gray", "-c:v", "ffv1", video.toString())
                .inheritIO().start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg could not make the video");
        }
        return video;
    }

    private static BufferedImage scene(int w, int h, Optional<String> code, Random random) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(235, 235, 235));
        g.fillRect(0, 0, w, h);
        code.ifPresent(c -> g.drawImage(Gs1DataMatrixWriter.toImage(Gs1DataMatrixWriter.encode(c), 4, 2), w * 3 / 5, h / 4,
                null));
        g.dispose();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = image.getRaster().getSample(x, y, 0) + (int) Math.round(random.nextGaussian() * 6);
                image.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, v)));
            }
        }
        return image;
    }
}

package dev.packguard.app.station.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.scanner.image.Gs1DataMatrixWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;

/**
 * Videos of pack codes for ffmpeg to play as if it were a camera: each shot a picture (a GS1
 * DataMatrix of an element string drawn by the scanner module's writer, or an empty white
 * scene) held for some seconds, made into a lossless video file by ffmpeg itself.
 */
public final class CameraVideos {
    private CameraVideos() {
    }

    /** A picture shown for {@code seconds}: the DataMatrix of {@code code}, or nothing when empty. */
    public record Shot(Optional<String> code, double seconds) {
        public static Shot of(String elementString, double seconds) {
            return new Shot(Optional.of(elementString), seconds);
        }

        public static Shot blank(double seconds) {
            return new Shot(Optional.empty(), seconds);
        }
    }

    /** Whether an ffmpeg is on the PATH (CI installs one: apt-get install -y ffmpeg). */
    public static boolean ffmpegInstalled() {
        return FfmpegCommand.locate(Optional.empty(), System.getenv().getOrDefault("PATH", ""), FfmpegCommand.Os.current())
                instanceof FfmpegCommand.Found;
    }

    /** The ffmpeg on the PATH. */
    public static Path ffmpeg() {
        return ((FfmpegCommand.Found) FfmpegCommand.locate(Optional.empty(), System.getenv().getOrDefault("PATH", ""),
                FfmpegCommand.Os.current())).executable();
    }

    /** A {@code width} × {@code height} video at 10 pictures a second of {@code shots}, written as {@code name} in {@code dir}. */
    public static Path video(Path dir, String name, int width, int height, List<Shot> shots) throws Exception {
        List<String> list = new ArrayList<>(List.of("ffconcat version 1.0"));
        for (int i = 0; i < shots.size(); i++) {
            Path png = dir.resolve(name + "-" + i + ".png");
            assertThat(ImageIO.write(scene(width, height, shots.get(i).code()), "png", png.toFile())).isTrue();
            list.add("file '" + png.getFileName() + "'");
            list.add("duration " + shots.get(i).seconds());
        }
        // the concat demuxer shows the last file for no time unless it is listed once more
        list.add(list.get(list.size() - 2));
        Path concat = Files.write(dir.resolve(name + ".ffconcat"), list);
        Path video = dir.resolve(name + ".mkv");
        Process p = new ProcessBuilder(ffmpeg().toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-f", "concat", "-safe", "0", "-i", concat.toString(), "-vf", "fps=10,format=gray", "-c:v", "ffv1",
                video.toString()).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve(name + ".log"))).isZero();
        return video;
    }

    /** ffmpeg's input arguments that play {@code video} in real time, as a camera would deliver it. */
    public static List<String> asCamera(Path video) {
        return List.of("-re", "-i", video.toString());
    }

    private static BufferedImage scene(int width, int height, Optional<String> code) {
        BufferedImage scene = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scene.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        code.ifPresent(c -> {
            BufferedImage label = Gs1DataMatrixWriter.toImage(Gs1DataMatrixWriter.encode(c), 5, 2);
            g.drawImage(label, (width - label.getWidth()) / 2, (height - label.getHeight()) / 2, null);
        });
        g.dispose();
        return scene;
    }

    /** Waits up to {@code limit} for {@code condition}; whether it came true. */
    public static boolean waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** The live processes whose command line mentions {@code path}. */
    public static List<ProcessHandle> processesUsing(Path path) {
        String p = path.toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(c -> c.contains(p)).orElse(false)).toList();
    }
}

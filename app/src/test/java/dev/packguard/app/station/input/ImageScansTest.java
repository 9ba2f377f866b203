package dev.packguard.app.station.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.scanner.image.Gs1DataMatrixWriter;
import dev.packguard.scanner.image.ImageDecoder;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image files as untrusted input: limits checked from the header, damage reported, codes as a scanner sends them. */
class ImageScansTest {
    @TempDir
    Path dir;
    private final ImageScans scans = new ImageScans(new ImageDecoder());

    @Test
    void read_packLabel_givesTheScanWithAimIdentifierAndGs() throws Exception {
        Path file = dir.resolve("label.png");
        ImageIO.write(Gs1DataMatrixWriter.toImage(Gs1DataMatrixWriter.encode("0104012345000016" + "21S1\u001d10LOT42"), 5, 4),
                "png", file.toFile());

        assertThat(scans.read(file)).isInstanceOfSatisfying(ImageScans.Found.class,
                f -> assertThat(f.scans()).containsExactly("]d2\u001d0104012345000016" + "21S1\u001d10LOT42"));
    }

    @Test
    void read_pictureOverTheMegapixelLimit_isRefusedFromItsHeader() throws Exception {
        Path file = dir.resolve("huge.png");
        // 1 bit per pixel and blank: 40.5 megapixels in about 5 MB of memory and a tiny file.
        ImageIO.write(new BufferedImage(9000, 4500, BufferedImage.TYPE_BYTE_BINARY), "png", file.toFile());

        ImageScans.Result r = scans.read(file);
        assertThat(r).isInstanceOf(ImageScans.TooLarge.class);
        assertThat(ImageScans.message(r)).isEqualTo("huge.png is too large: the picture has 9000 × 4500 pixels, "
                + "more than 40 megapixels. Nothing was scanned.");
    }

    @Test
    void read_truncatedPng_isUnreadableNotAnException() throws Exception {
        Path whole = dir.resolve("whole.png");
        ImageIO.write(Gs1DataMatrixWriter.toImage(Gs1DataMatrixWriter.encode("0104012345000016" + "21S1"), 5, 4),
                "png", whole.toFile());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(ImageScans.message(scans.read(cut))).isEqualTo("cut.png cannot be read: the image is damaged or "
                + "incomplete. Nothing was scanned.");
    }

    @Test
    void read_missingFile_isUnreadable() {
        assertThat(ImageScans.message(scans.read(dir.resolve("gone.png"))))
                .isEqualTo("gone.png cannot be read: there is no such file. Nothing was scanned.");
    }
}

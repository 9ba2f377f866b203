package dev.packguard.app.gui.input;

import static dev.packguard.app.station.packing.PackingFixture.AMOXICILLIN;
import static dev.packguard.app.station.packing.PackingFixture.IBUPROFEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.gui.TaskExecutor;
import dev.packguard.app.gui.custody.CustodyTimelineTest;
import dev.packguard.app.station.input.ImageScans;
import dev.packguard.app.station.packing.PackingFixture;
import dev.packguard.scanner.image.Gs1DataMatrixWriter;
import dev.packguard.scanner.image.ImageDecoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Image files into the packing screen (headless, ADR 0001): real PNG and JPEG files of GS1
 * DataMatrix pack labels, decoded by the scanner module, reach the screen as scans; files
 * without a code, damaged or not images, say so naming the file. The drop handler and Ctrl+O
 * both end in {@link ImageInput#open}, called here as a drop would.
 */
@ExtendWith(ApplicationExtension.class)
class ImageInputTest {
    @TempDir
    Path dir;
    private Stage stage;
    private PackingWindow window;
    private ImageInput input;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private void openPackingWithOrder(FxRobot robot) throws Exception {
        window = PackingWindow.open(robot, stage, Files.createDirectories(dir.resolve("station")));
        robot.interact(() -> {
            ImageScans reader = new ImageScans(new ImageDecoder());
            input = new ImageInput(TaskExecutor.sameThread(), () -> reader, window.main::scan, window.main::notice)
                    .install(stage.getScene());
            window.main.addInput(input.openButton());
        });
    }

    private void drop(FxRobot robot, Path... files) {
        robot.interact(() -> input.open(List.of(files)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return PackingWindow.text(robot, query);
    }

    /** A pack label: a GS1 DataMatrix of {@code elementString}, 6 pixels per module, on white. */
    private static BufferedImage label(String elementString) {
        return Gs1DataMatrixWriter.toImage(Gs1DataMatrixWriter.encode(elementString), 6, 4);
    }

    private Path write(String name, String format, BufferedImage image) throws Exception {
        Path file = dir.resolve(name);
        if (format.equals("jpg")) { // JPEG has no alpha or grey-with-alpha: draw onto RGB
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.createGraphics().drawImage(image, 0, 0, null);
            image = rgb;
        }
        assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
        return file;
    }

    @Test
    void open_pngOfAPackLabel_givesTheVerdictWithTheCustodyTimeline(FxRobot robot) throws Exception {
        openPackingWithOrder(robot);
        drop(robot, write("label.png", "png", label(PackingFixture.scan(IBUPROFEN, "S1"))));

        assertThat(text(robot, "#bannerTitle")).isEqualTo("OK to pack");
        assertThat(text(robot, "#product")).contains("GTIN " + IBUPROFEN, "serial S1", "lot LOT42");
        assertThat(CustodyTimelineTest.shown(robot, "#custody")).first().asString().startsWith("Demo Pharma GmbH");
        assertThat(robot.lookup("#inputNotice").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void open_jpegWithTwoLabels_scansEachInTurn(FxRobot robot) throws Exception {
        openPackingWithOrder(robot);
        BufferedImage a = label(PackingFixture.scan(IBUPROFEN, "S1"));
        BufferedImage b = label(PackingFixture.scan(AMOXICILLIN, "A1"));
        BufferedImage both = new BufferedImage(a.getWidth() + b.getWidth() + 60, Math.max(a.getHeight(), b.getHeight()),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(a, 0, 0, null);
        g.drawImage(b, a.getWidth() + 60, 0, null);
        drop(robot, write("two.jpg", "jpg", both));

        assertThat(text(robot, "#line-" + IBUPROFEN)).startsWith("\u25CB 1 / 2");
        assertThat(text(robot, "#line-" + AMOXICILLIN)).startsWith("\u2714 1 / 1");
        assertThat(text(robot, "#inputNotice")).contains("two.jpg: 2 codes found, each scanned in turn.");
    }

    @Test
    void open_imageWithoutACode_saysSoNamingTheFile(FxRobot robot) throws Exception {
        openPackingWithOrder(robot);
        BufferedImage blank = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        drop(robot, write("holiday.png", "png", blank));

        assertThat(text(robot, "#inputNotice")).startsWith("\u26A0 holiday.png: no pack code found in this image.");
        assertThat(robot.lookup("#inputNotice").queryAs(Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#line-" + IBUPROFEN)).startsWith("\u25CB 0 / 2");
    }

    @Test
    void open_notAnImage_saysItCannotBeRead(FxRobot robot) throws Exception {
        openPackingWithOrder(robot);
        Path fake = Files.writeString(dir.resolve("order.png"), "this is text, not a picture");
        drop(robot, fake);

        assertThat(text(robot, "#inputNotice")).isEqualTo("\u26A0 order.png cannot be read: it is not a PNG, JPEG, BMP or GIF "
                + "image. Nothing was scanned.");
    }
}

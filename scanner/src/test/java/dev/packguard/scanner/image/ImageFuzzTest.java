package dev.packguard.scanner.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Degenerate and random images never make the image decoder throw; at worst it finds nothing. */
class ImageFuzzTest {

    @Property(tries = 40)
    void decode_randomImagesNeverThrow(@ForAll @IntRange(min = 1, max = 160) int width,
            @ForAll @IntRange(min = 1, max = 160) int height, @ForAll long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < random.nextInt(40); i++) {
            g.setColor(random.nextBoolean() ? Color.BLACK : Color.WHITE);
            g.fillRect(random.nextInt(width), random.nextInt(height), 1 + random.nextInt(width), 1 + random.nextInt(height));
        }
        g.dispose();
        if (random.nextBoolean() && width > 40 && height > 40) {
            // a real symbol, cropped at a random place: finder patterns without the rest
            BufferedImage dm = Symbols.gs1DataMatrix(Symbols.PACK, 2);
            image.createGraphics().drawImage(dm, random.nextInt(width) - dm.getWidth() / 2,
                    random.nextInt(height) - dm.getHeight() / 2, null);
        }
        ImageDecoder decoder = new ImageDecoder();
        assertThat(decoder.decode(image)).isNotNull();
        assertThat(decoder.decodeFirst(image)).isNotNull();
    }
}

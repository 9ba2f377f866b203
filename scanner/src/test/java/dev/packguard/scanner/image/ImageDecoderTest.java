package dev.packguard.scanner.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.Symbology;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderTest {

    @Test
    void decode_returnsEveryCodeInTheImageWithPositions() {
        BufferedImage dm = Symbols.gs1DataMatrix(Symbols.PACK, 6);
        BufferedImage qr = Symbols.qr("https://id.gs1.org/01/09506000134352/21/QR1", 5);
        BufferedImage c128 = Symbols.gs1Code128("0109506000134352\u001d21LINEAR", 80, 2);
        BufferedImage canvas = Perturbations.onCanvas(1000, 600, dm, 40, 40);
        canvas.createGraphics().drawImage(qr, 600, 40, null);
        canvas.createGraphics().drawImage(c128, 40, 420, null);

        List<DecodedCode> codes = new ImageDecoder().decode(canvas);

        assertThat(codes).extracting(DecodedCode::format).containsExactly("DATA_MATRIX", "QR_CODE", "CODE_128");
        assertThat(codes).extracting(DecodedCode::symbology)
                .containsExactly(Symbology.GS1_DATAMATRIX, Symbology.QR, Symbology.GS1_128);
        assertThat(codes).allSatisfy(c -> assertThat(c.result()).isInstanceOf(ParseResult.Success.class));
        assertThat(codes.get(0).centre().x()).isBetween(40f, 40f + dm.getWidth());
        assertThat(codes.get(1).centre().x()).isBetween(600f, 600f + qr.getWidth());
        assertThat(codes.get(2).centre().y()).isBetween(420f, 420f + c128.getHeight());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"blank", "grey", "noise", "checkerboard", "stripes", "gradient", "damagedDataMatrix", "halfQr"})
    void decode_findsNoCodeInImagesThatHoldNone(String kind) {
        BufferedImage image = negative(kind);
        List<DecodedCode> codes = new ImageDecoder().decode(image);
        assertThat(codes).as(kind).noneMatch(c -> c.result() instanceof ParseResult.Success);
    }

    /** Images that must NOT decode, made the same way every run. */
    static BufferedImage negative(String kind) {
        int w = 320;
        int h = 240;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(kind.hashCode());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = switch (kind) {
                    case "blank" -> 255;
                    case "grey" -> 128;
                    case "noise" -> random.nextInt(256);
                    case "checkerboard" -> ((x / 6) + (y / 6)) % 2 == 0 ? 0 : 255;
                    case "stripes" -> (x / 5) % 2 == 0 ? 0 : 255;
                    case "gradient" -> x * 255 / w;
                    default -> 255;
                };
                img.getRaster().setSample(x, y, 0, v);
            }
        }
        if (kind.equals("damagedDataMatrix")) {
            // more than error correction can restore: the whole centre of the symbol is wiped
            BufferedImage dm = Symbols.gs1DataMatrix(Symbols.PACK, 6);
            var g = dm.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(dm.getWidth() / 4, dm.getHeight() / 4, dm.getWidth() / 2, dm.getHeight() / 2);
            g.dispose();
            return Perturbations.onCanvas(w, h, dm, 20, 20);
        }
        if (kind.equals("halfQr")) {
            BufferedImage qr = Symbols.gs1Qr(Symbols.PACK, 5);
            return Perturbations.onCanvas(w, h, qr.getSubimage(0, 0, qr.getWidth(), qr.getHeight() / 2), 10, 10);
        }
        return img;
    }

    @Test
    void decode_eachThreadWithItsOwnDecoderGetsTheSameAnswer() throws Exception {
        BufferedImage image = Symbols.gs1DataMatrix(Symbols.PACK, 5);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    ImageDecoder mine = new ImageDecoder();
                    for (int i = 0; i < 10; i++) {
                        if (!ImageRoundTripTest.sameAsGenuine(mine.decode(image).get(0).result())) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "symbol at ({0}, {1})")
    @org.junit.jupiter.params.provider.CsvSource(textBlock = """
            0,    0
            1100, 540
            700,  300
            300,  560
            """)
    void decode_findsADataMatrixAnywhereInAFrame(int x, int y) {
        // ZXing alone finds a DataMatrix only when it covers the centre of the frame.
        BufferedImage frame = Perturbations.onCanvas(1280, 720, Symbols.gs1DataMatrix(Symbols.PACK, 6), x, y);
        List<DecodedCode> codes = new ImageDecoder().decode(frame);
        assertThat(codes).hasSize(1);
        assertThat(ImageRoundTripTest.sameAsGenuine(codes.get(0).result())).isTrue();
        assertThat(codes.get(0).centre().x()).isBetween((float) x, x + 160f);
        assertThat(codes.get(0).centre().y()).isBetween((float) y, y + 160f);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', textBlock = """
            # ZXing format; text as ZXing returns it; AIM metadata; scan handed to the parser
            RSS_14;        09506000134352;                  ]e0; ]e00109506000134352
            RSS_EXPANDED;  (01)09506000134352(17)261231;    ]e0; ]e0(01)09506000134352(17)261231
            CODE_128;      ]C10109506000134352;             ]C1; ]C10109506000134352
            EAN_13;        9506000134352;                   ]E0; ]E09506000134352
            QR_CODE;       https://id.gs1.org/01/09506000134352; ]Q1; ]Q1https://id.gs1.org/01/09506000134352
            """)
    void asScan_prefixesTheAimIdentifierLikeAScannerWould(com.google.zxing.BarcodeFormat format, String text, String aim,
            String scan) {
        // ZXing 3.5.3 has no DataBar writer, so DataBar results are built by hand here.
        com.google.zxing.Result r = new com.google.zxing.Result(text, null, null, format);
        r.putMetadata(com.google.zxing.ResultMetadataType.SYMBOLOGY_IDENTIFIER, aim);
        assertThat(ImageDecoder.asScan(r)).isEqualTo(scan);
        assertThat(dev.packguard.scanner.scan.ScanDecoder.exact().decode(scan)).isInstanceOf(ParseResult.Success.class);
    }

    @Test
    void decode_fileThatIsNoImageIsUnreadable(@TempDir Path dir) throws Exception {
        Path notImage = Files.writeString(dir.resolve("x.png"), "text");
        assertThat(new ImageDecoder().decode(notImage)).isInstanceOf(ImageDecoder.Unreadable.class);
        assertThat(new ImageDecoder().decode(dir.resolve("missing.png"))).isInstanceOf(ImageDecoder.Unreadable.class);
    }

    @Test
    void decodeFirst_findsOneDataMatrixInACameraSizedFrame() {
        BufferedImage frame = Perturbations.onCanvas(1280, 720, Symbols.gs1DataMatrix(Symbols.PACK, 6), 700, 300);
        ImageDecoder dmOnly = new ImageDecoder(java.util.EnumSet.of(com.google.zxing.BarcodeFormat.DATA_MATRIX),
                dev.packguard.scanner.scan.ScanDecoder.exact());
        assertThat(dmOnly.decodeFirst(frame)).hasValueSatisfying(c ->
                assertThat(ImageRoundTripTest.sameAsGenuine(c.result())).isTrue());
        assertThat(dmOnly.decodeFirst(negative("blank"))).isEmpty();
    }
}

package dev.packguard.scanner.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.gs1.AiTable;
import dev.packguard.scanner.gs1.ElementRules;
import dev.packguard.scanner.gs1.ElementStringParser;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.time.Year;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Fuzzing with jqwik: no input makes a parser throw or return anything but a success or a typed
 * error pointing inside the scan, and the search for lost separators does bounded work whatever
 * the input (counted in steps, never timed).
 */
class ParserPropertiesTest {
    private static final List<ScanDecoder> DECODERS = List.of(
            new ScanDecoder(WedgeConfig.defaults(), ScanDecoderTest.CLOCK),
            new ScanDecoder(WedgeConfig.exact(), ScanDecoderTest.CLOCK),
            new ScanDecoder(WedgeConfig.defaults().withGsSubstitute("~"), ScanDecoderTest.CLOCK),
            new ScanDecoder(WedgeConfig.defaults().withLayout(WedgeConfig.Layout.US_SCANNER_GERMAN_HOST)
                    .withCaseHandling(WedgeConfig.CaseHandling.INVERTED), ScanDecoderTest.CLOCK),
            new ScanDecoder(WedgeConfig.defaults().withLayout(WedgeConfig.Layout.GERMAN_SCANNER_US_HOST), ScanDecoderTest.CLOCK));

    // Pieces of every input format, so random concatenations reach deep into the parsers.
    private static final List<String> FRAGMENTS = List.of(
            "01", "09506000134352", "04150037528643", "17", "261231", "260200", "10", "21", "22", "710", "03752864",
            "00", "106141411234567897", "3103", "000750", "8030", "253", "8006", "37", "02", "422", "276", "7003",
            "\u001d", "\u001e", "\u0004", "]d2", "]C1", "]Q3", "]e0", "]E0", "]d1", "]Q1", "]D2", "+d2", "(01)", "(21)",
            "(", ")", "[)>", "06", "9N", "110375286414", "1T", "D", "S", "8P", "https://id.gs1.org", "/01/", "/21/",
            "/10/", "/22/", "?17=", "&", "=", "%", "%2F", "%C3%A9", "<GS>", "\\x1d", "^]", "<RS>", "<EOT>", "ß", "ü",
            "~", "A", "z", "Y", "-", "/", "\n", "\r", "0", "9", "\u0000", "\uffff", "\ud800");

    @Provide
    Arbitrary<String> scanLike() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(4),
                Arbitraries.strings().numeric().ofMaxLength(12));
        return piece.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> digitRuns() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of("10", "21", "11", "17", "01", "1", "0", "3103", "7003"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30));
        return piece.list().ofMinSize(1).ofMaxSize(200).map(parts -> String.join("", parts));
    }

    @Property(tries = 800)
    void decode_anyTextGivesSuccessOrTypedErrorInsideTheScan(@ForAll @StringLength(max = 200) String scan) {
        checkAllDecoders(scan);
    }

    @Property(tries = 1500)
    void decode_scanShapedTextGivesSuccessOrTypedErrorInsideTheScan(@ForAll("scanLike") String scan) {
        checkAllDecoders(scan);
    }

    @Property(tries = 200)
    void readings_workNeverExceedsTheBudget(@ForAll("digitRuns") String data) {
        ElementStringParser parser = new ElementStringParser(new ElementRules(AiTable.standard(), Year.of(2026)));
        ElementStringParser.Readings r = parser.readings(data, 2, ScanDecoder.READING_SEARCH_BUDGET);
        assertThat(r.steps()).isLessThanOrEqualTo(ScanDecoder.READING_SEARCH_BUDGET + 1);
        assertThat(r.found()).hasSizeLessThanOrEqualTo(2);
    }

    @Example
    void readings_workStaysBoundedAsAdversarialInputsGrow() {
        ElementStringParser parser = new ElementStringParser(new ElementRules(AiTable.standard(), Year.of(2026)));
        for (String unit : List.of("10", "1", "21A", "1101010", "3103000750")) {
            for (int n = 64; n <= ScanDecoder.MAX_SCAN_LENGTH; n *= 4) {
                String data = "0109506000134352" + unit.repeat(n / unit.length());
                ElementStringParser.Readings r = parser.readings(data, 2, ScanDecoder.READING_SEARCH_BUDGET);
                assertThat(r.steps()).as("%s x %d", unit, n).isLessThanOrEqualTo(ScanDecoder.READING_SEARCH_BUDGET + 1);
                // and the whole decode stays a typed outcome
                assertThat(DECODERS.get(0).decode(data)).isNotNull();
            }
        }
    }

    private static void checkAllDecoders(String scan) {
        for (ScanDecoder decoder : DECODERS) {
            ParseResult r = decoder.decode(scan);
            assertThat(r).isNotNull();
            if (r instanceof ParseResult.Failure f) {
                assertThat(f.error().position()).isBetween(0, Math.max(scan.length(), ScanDecoder.MAX_SCAN_LENGTH));
                assertThat(f.error().message()).isNotBlank();
            } else {
                ProductIdentifier id = ((ParseResult.Success) r).identifier();
                assertThat(ProductIdentifier.isValidGtin14(id.gtin())).isTrue();
                assertThat(id.ais()).containsKey("01");
            }
        }
    }
}

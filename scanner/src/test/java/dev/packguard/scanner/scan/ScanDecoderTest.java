package dev.packguard.scanner.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.scanner.ParseError.Rule;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.Repair;
import dev.packguard.scanner.Symbology;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanDecoderTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);
    private final ScanDecoder wedge = new ScanDecoder(WedgeConfig.defaults(), CLOCK);

    /** Tables write GS as '|', which is not in any GS1 character set. */
    static String gs(String s) {
        return s.replace('|', '\u001d');
    }

    static ProductIdentifier success(ParseResult r) {
        assertThat(r).as(r.toString()).isInstanceOf(ParseResult.Success.class);
        return ((ParseResult.Success) r).identifier();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            # scan; symbology; gtin; serial; lot; expiry
            ]d20109506000134352172612311012345|21SER1;  GS1_DATAMATRIX; 09506000134352; SER1; 12345; 2026-12-31
            ]C10109506000134352172612311012345|21SER1;  GS1_128;        09506000134352; SER1; 12345; 2026-12-31
            ]Q30109506000134352|21SER1;                 GS1_QR;         09506000134352; SER1; -;     -
            ]e00109506000134352;                        GS1_DATABAR;    09506000134352; -;    -;     -
            |0109506000134352172612311012345|21SER1;    NONE;           09506000134352; SER1; 12345; 2026-12-31
            ]d2|0109506000134352|21SER1;                GS1_DATAMATRIX; 09506000134352; SER1; -;     -
            (01)09506000134352(17)261231(10)A(1)B(21)S; NONE;           09506000134352; S;    A(1)B; 2026-12-31
            ]E09506000134352;                           EAN_UPC;        09506000134352; -;    -;     -
            ]E0012345678905;                            EAN_UPC;        00012345678905; -;    -;     -
            ]d20109506000134352172612001012345|21SER1;  GS1_DATAMATRIX; 09506000134352; SER1; 12345; 2026-12-31
            ]d2010950600013435217260200|21SER1;         GS1_DATAMATRIX; 09506000134352; SER1; -;     2026-02-28
            """)
    void decode_readsEveryGs1Input(String scan, Symbology symbology, String gtin, String serial, String lot, LocalDate expiry) {
        ProductIdentifier id = success(wedge.decode(gs(scan)));
        assertThat(id.symbology()).isEqualTo(symbology);
        assertThat(id.gtin()).isEqualTo(gtin);
        assertThat(id.serial().orElse(null)).isEqualTo(serial);
        assertThat(id.lot().orElse(null)).isEqualTo(lot);
        assertThat(id.expiry().orElse(null)).isEqualTo(expiry);
        assertThat(id.repairs()).isEmpty();
    }

    @Test
    void decode_flagsExpiryDayZero() {
        ProductIdentifier id = success(wedge.decode(gs("]d20109506000134352172612001012345|21SER1")));
        assertThat(id.expiryDayUnspecified()).isTrue();
        assertThat(success(wedge.decode(gs("]d20109506000134352172612311012345|21SER1"))).expiryDayUnspecified()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            # scan; pzn; ndc; nhrn 710
            ]d20104150037528643|21S;                   03752864; -;          -
            ]d20109506000134352|71003752864|21S;       03752864; -;          03752864
            ]d20100301234567896|21S;                   -;        0123456789; -
            """)
    void decode_derivesNationalNumbers(String scan, String pzn, String ndc, String nhrn710) {
        ProductIdentifier id = success(wedge.decode(gs(scan)));
        assertThat(id.nationalNumbers().pzn().orElse(null)).isEqualTo(pzn);
        assertThat(id.nationalNumbers().ndc().orElse(null)).isEqualTo(ndc);
        assertThat(id.nationalNumbers().nhrn().get("710")).isEqualTo(nhrn710);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            # scan; rule; position in the scan as received
            '';                                          EMPTY_INPUT;           0
            ]A0ABC;                                      UNSUPPORTED_SYMBOLOGY; 0
            ]d2;                                         EMPTY_INPUT;           3
            ]d20109506000134353|21S;                     CHECK_DIGIT;           18
            ]d2<GS>0109506000134353|21S;                 CHECK_DIGIT;           22
            ]d200106141411234567897;                     NO_PRODUCT_CODE;       3
            ]d20109506000134352|71003752865|21S;         CHECK_DIGIT;           30
            ]E09506000134353;                            CHECK_DIGIT;           3
            """)
    void decode_failsWithRuleAndPositionInTheOriginalScan(String scan, Rule rule, int position) {
        ParseResult r = wedge.decode(gs(scan));
        assertThat(r).isInstanceOf(ParseResult.Failure.class);
        ParseResult.Failure f = (ParseResult.Failure) r;
        assertThat(f.error().rule()).as(f.error().toString()).isEqualTo(rule);
        assertThat(f.error().position()).as(f.error().toString()).isEqualTo(position);
    }

    @Test
    void decode_refusesOverlongInputWithoutWork() {
        ParseResult r = wedge.decode("01" + "9".repeat(10_000));
        assertThat(((ParseResult.Failure) r).error().rule()).isEqualTo(Rule.INPUT_TOO_LONG);
    }

    @Test
    void decode_exactDecoderRepairsNothing() {
        ScanDecoder exact = new ScanDecoder(WedgeConfig.exact(), CLOCK);
        assertThat(exact.decode("]d20109506000134352<GS>21S")).isInstanceOf(ParseResult.Failure.class);
        ParseResult lost = exact.decode("]d2010950600013435221ABCDEFGHIJKLMNOPQRST10LOT1");
        assertThat(((ParseResult.Failure) lost).error().rule()).isEqualTo(Rule.TOO_LONG);
    }

    @Test
    void decode_repairsAreListedWithKinds() {
        ProductIdentifier id = success(wedge.decode("]d20109506000134352\\x1d21S"));
        assertThat(id.repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.GS_ESCAPE_DECODED);
        assertThat(id.repairs().get(0).position()).isEqualTo(19);
        assertThat(id.intact()).isFalse();
    }
}

package dev.packguard.scanner.scan;

import static dev.packguard.scanner.scan.ScanDecoderTest.CLOCK;
import static dev.packguard.scanner.scan.ScanDecoderTest.gs;
import static dev.packguard.scanner.scan.ScanDecoderTest.success;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.scanner.ParseError.Rule;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.Repair;
import dev.packguard.scanner.Symbology;
import dev.packguard.scanner.wedge.KeyboardLayout;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WedgeDamageTest {
    static final String GENUINE = "]d20109506000134352172612311012345|21SzY-1";
    private final ScanDecoder wedge = new ScanDecoder(WedgeConfig.defaults(), CLOCK);
    private final ProductIdentifier genuine = success(wedge.decode(gs(GENUINE)));

    private void assertSamePack(ProductIdentifier id) {
        assertThat(id.gtin()).isEqualTo(genuine.gtin());
        assertThat(id.serial()).isEqualTo(genuine.serial());
        assertThat(id.lot()).isEqualTo(genuine.lot());
        assertThat(id.expiry()).isEqualTo(genuine.expiry());
        assertThat(id.ais()).isEqualTo(genuine.ais());
        assertThat(id.symbology()).isEqualTo(Symbology.GS1_DATAMATRIX);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            # damaged scan; repair kinds in order
            ]d20109506000134352172612311012345\\x1d21SzY-1;      GS_ESCAPE_DECODED
            ]d20109506000134352172612311012345\\x1D21SzY-1;      GS_ESCAPE_DECODED
            ]d20109506000134352172612311012345<GS>21SzY-1;       GS_ESCAPE_DECODED
            ]d20109506000134352172612311012345^]21SzY-1;         GS_ESCAPE_DECODED
            ]d20109506000134352172612311012345{GS}21SzY-1;       GS_ESCAPE_DECODED
            ]D20109506000134352172612311012345|21sZy-1;         CASE_INVERTED
            +d20109506000134352172612311012345|21SyZß1;         LAYOUT_MAPPED
            +D20109506000134352172612311012345|21sYzß1;         LAYOUT_MAPPED CASE_INVERTED
            '+d20109506000134352172612311012345;GS:21SyZß1';     LAYOUT_MAPPED GS_ESCAPE_DECODED
            """)
    void decode_undoesWedgeDamageAndReportsIt(String damaged, String kinds) {
        ProductIdentifier id = success(wedge.decode(gs(damaged)));
        assertSamePack(id);
        assertThat(id.repairs()).extracting(r -> r.kind().name()).containsExactly(kinds.split(" "));
        assertThat(id.repairs()).allSatisfy(r -> assertThat(r.description()).isNotBlank());
    }

    @Test
    void decode_readsAConfiguredGsSubstitute() {
        ScanDecoder withTilde = new ScanDecoder(WedgeConfig.defaults().withGsSubstitute("~"), CLOCK);
        ProductIdentifier id = success(withTilde.decode("]d20109506000134352172612311012345~21SzY-1"));
        assertSamePack(id);
        assertThat(id.repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.GS_SUBSTITUTE_DECODED);
        assertThat(id.repairs().get(0).position()).isEqualTo(34);
    }

    @Test
    void decode_appliesAConfiguredLayoutWithoutEvidence() {
        // Without a prefix nothing shows the mismatch; only the configuration can say so.
        String typed = "0109506000134352172612311012345<GS>21SyZ/1".replace("<GS>", "\u001d");
        ScanDecoder configured = new ScanDecoder(
                WedgeConfig.defaults().withLayout(WedgeConfig.Layout.GERMAN_SCANNER_US_HOST), CLOCK);
        ProductIdentifier id = success(configured.decode(typed));
        assertThat(id.serial()).contains("SzY-1");
        assertThat(success(wedge.decode(typed)).serial()).contains("SyZ/1");
    }

    @Test
    void keyboardLayout_receivedAndIntendedAreInverse() {
        // A US keyboard types all of ASCII; a German one has < and > on a key US (ANSI) lacks.
        for (char c = 0x20; c < 0x7f; c++) {
            assertThat(KeyboardLayout.US_SCANNER_GERMAN_HOST.intended(KeyboardLayout.US_SCANNER_GERMAN_HOST.received(c)))
                    .isEqualTo(c);
        }
        for (char c : "!\"%&'()*+,-./0123456789:;=?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".toCharArray()) {
            assertThat(KeyboardLayout.GERMAN_SCANNER_US_HOST.intended(KeyboardLayout.GERMAN_SCANNER_US_HOST.received(c)))
                    .isEqualTo(c);
        }
    }

    @Test
    void decode_putsBackALostGsWhenOnlyOneReadingIsValid() {
        // A 20-character serial cannot grow, so the GS after it can only have been right there.
        String lost = "]d2010950600013435221ABCDEFGHIJKLMNOPQRST10LOT1";
        ProductIdentifier id = success(wedge.decode(lost));
        assertThat(id.serial()).contains("ABCDEFGHIJKLMNOPQRST");
        assertThat(id.lot()).contains("LOT1");
        assertThat(id.repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.GS_INSERTED);
        assertThat(id.repairs().get(0).position()).isEqualTo(41);
    }

    @Test
    void decode_rejectsALostGsWhenTwoReadingsAreValid_andTellsHowToConfigure() {
        ParseResult r = wedge.decode("]d20109506000134352172612311012345" + "21SzY-1");
        assertThat(r).isInstanceOf(ParseResult.Failure.class);
        var error = ((ParseResult.Failure) r).error();
        assertThat(error.rule()).isEqualTo(Rule.AMBIGUOUS_MISSING_SEPARATOR);
        assertThat(error.message()).contains("(10)12345(21)SzY-1", "(10)1234521SzY-1", "0x1D", "substitute");
    }

    @Test
    void decode_aScanWithoutVariableFieldsInTheMiddleNeedsNoRepair() {
        ProductIdentifier id = success(wedge.decode("0109506000134352172612311012345"));
        assertThat(id.repairs()).isEmpty();
        assertThat(id.lot()).contains("12345");
    }

    @Test
    void decode_eanPrefixWithLongDataIsInvertedDataBar() {
        ProductIdentifier id = success(wedge.decode("]E00109506000134352"));
        assertThat(id.symbology()).isEqualTo(Symbology.GS1_DATABAR);
        assertThat(id.repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.CASE_INVERTED);
        assertThat(List.of(id.gtin())).containsExactly("09506000134352");
    }
}

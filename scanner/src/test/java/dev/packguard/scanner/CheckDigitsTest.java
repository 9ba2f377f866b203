package dev.packguard.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckDigitsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # GS1 General Specifications example GTIN, a German NTIN, a US NDC-based GTIN
            09506000134352, true
            09506000134353, false
            04150037528643, true
            00301234567896, true
            0950600013435,  false
            0950600013435A, false
            """)
    void isValidGtin14_acceptsOnlyCorrectMod10(String gtin, boolean valid) {
        assertThat(ProductIdentifier.isValidGtin14(gtin)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # DOMAIN.md example (IFA): PZN 03752864
            03752864, true
            03752865, false
            0375286,  false
            0375286X, false
            """)
    void isValidPzn_checksMod11WeightsOneToSeven(String pzn, boolean valid) {
        assertThat(CheckDigits.isValidPzn(pzn)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # IFA example: PZN 03752864 -> PPN 110375286414
            1103752864, 14
            """)
    void ppnMod97_matchesIfaExample(String body, int check) {
        assertThat(CheckDigits.ppnMod97(body)).isEqualTo(check);
    }
}

package dev.packguard.scanner.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AiTableTest {
    private final AiTable table = AiTable.standard();

    @ParameterizedTest
    @CsvSource(textBlock = """
            # ai, predefined length (no GS after), min, max, title
            00,   true,  18, 18, SSCC
            01,   true,  14, 14, GTIN
            10,   false,  1, 20, BATCH/LOT
            17,   true,   6,  6, USE BY or EXPIRY
            21,   false,  1, 20, SERIAL
            422,  false,  3,  3, ORIGIN
            3103, true,   6,  6, NET WEIGHT (kg)
            710,  false,  1, 20, NHRN PZN
            8006, false, 18, 18, ITIP
            8030, false,  1, 90, DIGSIG
            253,  false, 13, 30, GDTI
            99,   false,  1, 90, INTERNAL
            """)
    void get_knowsLengthsAndSeparatorRules(String ai, boolean predefined, int min, int max, String title) {
        AiDefinition d = table.get(ai).orElseThrow();
        assertThat(d.predefined()).isEqualTo(predefined);
        assertThat(d.minLength()).isEqualTo(min);
        assertThat(d.maxLength()).isEqualTo(max);
        assertThat(d.title()).isEqualTo(title);
    }

    @Test
    void all_coversTheWholeTableAndRangesExpand() {
        assertThat(table.all()).hasSizeGreaterThan(500);
        assertThat(table.get("3106")).isEmpty();
        assertThat(table.get("3105")).isPresent();
        assertThat(table.get("7039")).isPresent();
        assertThat(table.get("23")).isEmpty();
    }

    @Test
    void match_findsTheOneAiAtAPosition() {
        assertThat(table.match("xx7104", 2).orElseThrow().ai()).isEqualTo("710");
        assertThat(table.match("3102000123", 0).orElseThrow().ai()).isEqualTo("3102");
        assertThat(table.match("2399", 0)).isEmpty();
    }
}

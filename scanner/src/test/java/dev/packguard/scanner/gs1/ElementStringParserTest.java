package dev.packguard.scanner.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ParseError.Rule;
import java.time.Year;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElementStringParserTest {
    private final ElementStringParser parser = new ElementStringParser(new ElementRules(AiTable.standard(), Year.of(2026)));

    /** Tables write GS as '|', which is not in any GS1 character set. */
    static String gs(String s) {
        return s.replace('|', ElementStringParser.GS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            # element string; AIs in order as ai=value
            010950600013435217261231|10ABC123|21XYZ9;      01=09506000134352 17=261231 10=ABC123 21=XYZ9
            |0109506000134352172612311012345;             01=09506000134352 17=261231 10=12345
            0109506000134352|21SER|10LOT|;                01=09506000134352 21=SER 10=LOT
            010950600013435221A-./:<=>?_%&'()*+,!x;       01=09506000134352 21=A-./:<=>?_%&'()*+,!x
            0109506000134352|17260200;                    01=09506000134352 17=260200
            01095060001343523103000750;                   01=09506000134352 3103=000750
            010950600013435271003752864|21S;              01=09506000134352 710=03752864 21=S
            00106141411234567897;                         00=106141411234567897
            0109506000134352422276|10L;                   01=09506000134352 422=276 10=L
            """)
    void parse_readsValidElementStrings(String input, String expected) {
        Gs1Parse result = parser.parse(gs(input));
        assertThat(result).isInstanceOf(Gs1Parse.Parsed.class);
        List<String> got = ((Gs1Parse.Parsed) result).elements().stream().map(e -> e.ai() + "=" + e.value()).toList();
        assertThat(String.join(" ", got)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            # element string; rule; ai ('-' none); position
            ;                                              EMPTY_INPUT;           -;    0
            0109506000134353;                              CHECK_DIGIT;           01;   15
            01095060001343;                                TOO_SHORT;             01;   14
            010950600013435217261331;                      INVALID_DATE;          17;   18
            010950600013435217260230;                      INVALID_DATE;          17;   18
            0109506000134352|10ABCDEFGHIJKLMNOPQRSTU;      TOO_LONG;              10;   39
            0109506000134352|10AB#C;                       INVALID_CHARACTER;     10;   21
            0109506000134352|10;                           TOO_SHORT;             10;   19
            0109506000134352|2399;                         UNKNOWN_AI;            -;    17
            0109506000134352|1;                            TRUNCATED_AI;          -;    17
            0109506000134352|xy;                           UNKNOWN_AI;            -;    17
            21ABC;                                         MISSING_ASSOCIATED_AI; 21;   0
            0109506000134352|0209506000134352|3712;       INVALID_AI_PAIR;       01;   0
            010950600013435210A|10B;                       CONFLICTING_DUPLICATE; 10;   20
            0109506000134352422276|426276;                 INVALID_AI_PAIR;       -;    0
            0109506000134352|42227610L;                    SEPARATOR_EXPECTED;    422;  23
            01095060001343523103000A50;                    NOT_NUMERIC;           3103; 23
            0109506000134352|3103000750|3102000100;        INVALID_AI_PAIR;       3103; 17
            """)
    void parse_reportsRuleAiAndPosition(String input, Rule rule, String ai, int position) {
        Gs1Parse result = parser.parse(gs(input == null ? "" : input));
        assertThat(result).isInstanceOf(Gs1Parse.Failed.class);
        ParseError error = ((Gs1Parse.Failed) result).error();
        assertThat(error.rule()).as(error.toString()).isEqualTo(rule);
        if (!ai.equals("-")) {
            assertThat(error.ai()).contains(ai);
        }
        if (rule != Rule.INVALID_AI_PAIR) {
            assertThat(error.position()).as(error.toString()).isEqualTo(position);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            # GS-free scan; number of valid readings (max 2)
            0109506000134352172612311012345;              1
            010950600013435210ABC12321XYZ;                2
            010950600013435221ABCDEFGHIJKLMNOPQRST10LOT1; 1
            """)
    void readings_countsTheValidInterpretations(String input, int count) {
        assertThat(parser.readings(input, 2, 20_000).found()).hasSize(count);
    }
}

package dev.packguard.scanner.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.scanner.ParseError.Rule;
import java.time.Year;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Element strings in the GS1 General Specifications' human-readable notation, the spec's own example style. */
class BracketedParserTest {
    private final BracketedParser parser = new BracketedParser(new ElementRules(AiTable.standard(), Year.of(2026)));

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            # human-readable form; 'ok' or the rule broken
            (01)09521234543213(3103)000123;                           ok
            (00)106141412345678908(02)09521234543213(37)20;           ok
            (02)09521234543213(37)20;                                 MISSING_ASSOCIATED_AI
            (01)95012345678903(02)09521234543213(37)20;               INVALID_AI_PAIR
            (01)95012345678903(3103)000123(3102)000456;               INVALID_AI_PAIR
            (8006)095212345432130102(21)A1;                           ok
            (8006)095212345432130302(21)A1;                           INVALID_CHARACTER
            (00)106141412345678908(4330)032130-;                      ok
            (00)106141412345678908(4330)032130+;                      INVALID_CHARACTER
            (01)95012345678903(8008)26123110;                         ok
            (01)95012345678903(8008)26123125;                         INVALID_TIME
            (01)95012345678903(7003)2612311259;                       ok
            (01)95012345678903(7003)2612312459;                       INVALID_TIME
            (01)95012345678903(11)260229;                             INVALID_DATE
            (01)95012345678903(11)280229;                             ok
            (01)95012345678903(15)261200;                             ok
            (01)95012345678903(7006)261200;                           INVALID_DATE
            (01)95012345678903(250)X;                                 MISSING_ASSOCIATED_AI
            (01)95012345678903(21)S(250)X;                            ok
            (01)95012345678903(21)S(235)T;                            INVALID_AI_PAIR
            (01)95012345678903(10)L(7004)12;                          ok
            (01)95012345678903(8030)AZaz09-_=;                        ok
            (01)95012345678903(8030)AZ+;                              INVALID_CHARACTER
            (01)95012345678903(8010)ABC#-/09(8011)10;                 ok
            (8010)abc;                                                INVALID_CHARACTER
            (8010)ABC(8011)0123;                                      INVALID_CHARACTER
            (01)95012345678903(99)anything goes?;                     INVALID_CHARACTER
            (01)95012345678903(99)anything_goes?;                     ok
            (01)9501234567890;                                        TOO_SHORT
            (1)95012345678903;                                        MALFORMED_BRACKETS
            (23)1;                                                    UNKNOWN_AI
            """)
    void parse_appliesTheAiTableRules(String text, String expected) {
        Gs1Parse result = parser.parse(text);
        if (expected.equals("ok")) {
            assertThat(result).as(result.toString()).isInstanceOf(Gs1Parse.Parsed.class);
        } else {
            assertThat(result).as(text).isInstanceOf(Gs1Parse.Failed.class);
            assertThat(((Gs1Parse.Failed) result).error().rule()).as(result.toString()).isEqualTo(Rule.valueOf(expected));
        }
    }
}

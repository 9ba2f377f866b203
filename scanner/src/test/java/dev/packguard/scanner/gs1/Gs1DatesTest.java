package dev.packguard.scanner.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Year;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gs1DatesTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # current year, YY, full year (GS1 GenSpecs 7.12: 49 back .. 50 ahead)
            2026, 26, 2026
            2026, 76, 2076
            2026, 77, 1977
            2026, 00, 2000
            2026, 99, 1999
            2060, 10, 2110
            2060, 11, 2011
            2099, 00, 2100
            2000, 50, 2050
            2000, 51, 1951
            """)
    void resolveYear_putsYearBetween49BackAnd50Ahead(int now, int yy, int expected) {
        assertThat(Gs1Dates.resolveYear(yy, Year.of(now))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # YYMMDD, allow DD=00, expected date or 'invalid', day was zero
            261231, true,  2026-12-31, false
            260200, true,  2026-02-28, true
            280200, true,  2028-02-29, true
            260229, true,  invalid,    false
            280229, false, 2028-02-29, false
            261300, true,  invalid,    false
            260000, true,  invalid,    false
            260400, false, invalid,    false
            260431, true,  invalid,    false
            """)
    void parse_resolvesDayZeroToLastDayOfMonth(String yymmdd, boolean allowZero, String expected, boolean zero) {
        var parsed = Gs1Dates.parse(yymmdd, 0, allowZero, Year.of(2026));
        if (expected.equals("invalid")) {
            assertThat(parsed).isEmpty();
        } else {
            assertThat(parsed).isPresent();
            assertThat(parsed.get().date()).isEqualTo(LocalDate.parse(expected));
            assertThat(parsed.get().dayWasZero()).isEqualTo(zero);
        }
    }
}

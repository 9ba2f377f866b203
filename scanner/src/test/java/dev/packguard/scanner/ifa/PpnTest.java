package dev.packguard.scanner.ifa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.scanner.ParseError.Rule;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.Repair;
import dev.packguard.scanner.scan.ScanDecoder;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PpnTest {
    private final ScanDecoder decoder = new ScanDecoder(WedgeConfig.defaults(),
            Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));

    /** Tables write RS as '^', GS as '|', EOT as '$'. */
    static String ctl(String s) {
        return s.replace('^', '\u001e').replace('|', '\u001d').replace('$', '\u0004');
    }

    @Test
    void decode_readsTheIfaExample() {
        // DOMAIN.md / IFA: PZN 03752864 -> PPN 110375286414; NTIN 04150 + PZN + check digit.
        ParseResult r = decoder.decode(ctl("]d1[)>^06|9N110375286414|1TABC123|D261200|SXYZ12345^$"));
        ProductIdentifier id = ((ParseResult.Success) r).identifier();
        assertThat(id.gtin()).isEqualTo("04150037528643");
        assertThat(id.nationalNumbers().pzn()).contains("03752864");
        assertThat(id.nationalNumbers().ppn()).contains("110375286414");
        assertThat(id.lot()).contains("ABC123");
        assertThat(id.serial()).contains("XYZ12345");
        assertThat(id.expiry()).contains(LocalDate.of(2026, 12, 31));
        assertThat(id.expiryDayUnspecified()).isTrue();
        assertThat(id.ais()).containsEntry("01", "04150037528643").containsEntry("21", "XYZ12345")
                .containsEntry("710", "03752864");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            # envelope (^ RS, | GS, $ EOT); serial
            [)>^06|SXYZ|1TL|D261231|9N110375286414^$;        XYZ
            [)>^06|9N110375286414|SXYZ;                      XYZ
            [)>06|9N110375286414|SXYZ;                       XYZ
            '[)><RS>06<GS>9N110375286414<GS>SXYZ<RS><EOT>';  XYZ
            [)>^06|8P09506000134352|SXYZ^$;                  XYZ
            """)
    void decode_acceptsFieldOrderAndMissingTrailer(String envelope, String serial) {
        ParseResult r = decoder.decode(ctl(envelope));
        assertThat(r).as(r.toString()).isInstanceOf(ParseResult.Success.class);
        assertThat(((ParseResult.Success) r).identifier().serial()).contains(serial);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            # envelope; rule; position
            [)>^06|9N110375286415|SXYZ^$;      CHECK_DIGIT;        19
            [)>^06|9N110375286514|SXYZ^$;      CHECK_DIGIT;        19
            [)>^07|9N110375286414^$;           MALFORMED_ENVELOPE; 4
            [)>^06|9N110375286414|Q5^$;        MALFORMED_ENVELOPE; 22
            [)>^06|9N110375286414|D261331^$;   INVALID_DATE;       23
            [)>^06|1TL|SXYZ^$;                 NO_PRODUCT_CODE;    0
            [)>^06|9N110375286414|9N1^$;       MALFORMED_ENVELOPE; 22
            [)>^06|x^$;                        MALFORMED_ENVELOPE; 7
            """)
    void decode_rejectsBadEnvelopes(String envelope, Rule rule, int position) {
        ParseResult r = decoder.decode(ctl(envelope));
        assertThat(r).isInstanceOf(ParseResult.Failure.class);
        var error = ((ParseResult.Failure) r).error();
        assertThat(error.rule()).as(error.toString()).isEqualTo(rule);
        assertThat(error.position()).as(error.toString()).isEqualTo(position);
    }

    @Test
    void decode_reportsDecodedControlEscapes() {
        ParseResult r = decoder.decode("[)><RS>06<GS>9N110375286414<GS>SXYZ<RS><EOT>");
        assertThat(((ParseResult.Success) r).identifier().repairs()).extracting(Repair::kind)
                .contains(Repair.Kind.GS_ESCAPE_DECODED, Repair.Kind.CONTROL_ESCAPE_DECODED);
    }
}

package dev.packguard.scanner.digitallink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.scanner.ParseError.Rule;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.Symbology;
import dev.packguard.scanner.scan.ScanDecoder;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigitalLinkTest {
    private final ScanDecoder decoder = new ScanDecoder(WedgeConfig.defaults(),
            Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            # URI; gtin; serial; lot; expiry
            https://id.gs1.org/01/09506000134352/10/ABC123/21/XYZ?17=261231;           09506000134352; XYZ;   ABC123; 2026-12-31
            https://example.com/01/09506000134352;                                     09506000134352; -;     -;      -
            http://pharma.example.de/some/prefix/01/9506000134352/21/S%2F1;            09506000134352; S/1;   -;      -
            https://id.gs1.org/01/09506000134352/22/2A/10/L%2F1?17=260200&linkType=x;  09506000134352; -;     L/1;    2026-02-28
            HTTPS://ID.GS1.ORG/01/09506000134352/21/ABC;                               09506000134352; ABC;   -;      -
            https://d.example/01/09506000134352/21/A?17=261231#top;                    09506000134352; A;     -;      2026-12-31
            ]Q1https://id.gs1.org/01/09506000134352/21/Q;                              09506000134352; Q;     -;      -
            https://id.gs1.org/01/09506000134352/235/TPX1;                             09506000134352; -;     -;      -
            http://example.org/gtin/9506000134352/lot/ABC%26%2B123/ser/S1?17=261231;   09506000134352; S1;    ABC&+123; 2026-12-31
            """)
    void decode_readsDigitalLinks(String uri, String gtin, String serial, String lot, LocalDate expiry) {
        ParseResult r = decoder.decode(uri);
        assertThat(r).as(r.toString()).isInstanceOf(ParseResult.Success.class);
        ProductIdentifier id = ((ParseResult.Success) r).identifier();
        assertThat(id.gtin()).isEqualTo(gtin);
        assertThat(id.serial().orElse(null)).isEqualTo(serial);
        assertThat(id.lot().orElse(null)).isEqualTo(lot);
        assertThat(id.expiry().orElse(null)).isEqualTo(expiry);
        if (uri.startsWith("]Q1")) {
            assertThat(id.symbology()).isEqualTo(Symbology.QR);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            # URI; rule; position
            https://id.gs1.org/01/09506000134353;                 CHECK_DIGIT;           22
            https://id.gs1.org/01/09506000134352/21/A/10/B;       MALFORMED_URI;         42
            https://id.gs1.org/01/09506000134352/17/261231;       MALFORMED_URI;         37
            https://id.gs1.org/item/09506000134352;               NO_PRODUCT_CODE;       18
            https://id.gs1.org/01/09506000134352/21/A%2;          MALFORMED_URI;         40
            https://id.gs1.org/01/09506000134352?17=261331;       INVALID_DATE;          40
            https://id.gs1.org/01/09506000134352?9999=1;          UNKNOWN_AI;            37
            https://id.gs1.org/01/09506000134352/21/A%C3%A9;      INVALID_CHARACTER;     41
            https:///01/09506000134352;                           MALFORMED_URI;         8
            https://id.gs1.org/01/09506000134352/10/L/235/T;      MALFORMED_URI;         42
            """)
    void decode_rejectsBadDigitalLinks(String uri, Rule rule, int position) {
        ParseResult r = decoder.decode(uri);
        assertThat(r).isInstanceOf(ParseResult.Failure.class);
        var error = ((ParseResult.Failure) r).error();
        assertThat(error.rule()).as(error.toString()).isEqualTo(rule);
        assertThat(error.position()).as(error.toString()).isEqualTo(position);
    }
}

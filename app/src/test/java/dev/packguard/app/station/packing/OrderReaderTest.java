package dev.packguard.app.station.packing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderReaderTest {
    private static final Path F = Path.of("o.json");

    @TempDir
    Path dir;

    /** The example of docs/ORDERS.md, as the demo world writes it. */
    private static final String DOC_EXAMPLE = """
            {
              "format" : 1,
              "orderId" : "DEMO-0001",
              "lines" : [ {
                "line" : 1,
                "gtin" : "04150037528643",
                "pzn" : "03752864",
                "description" : "Ibuprofen 400 mg, 50 film-coated tablets",
                "quantity" : 2,
                "daysSupply" : 25
              }, {
                "line" : 2,
                "gtin" : "00371234015031",
                "ndc" : "7123401503",
                "description" : "Atorvastatin 20 mg, 90 tablets",
                "quantity" : 1,
                "daysSupply" : 90
              } ]
            }""";

    @Test
    void parse_readsTheDocumentedExample() {
        OrderReader.Result r = OrderReader.parse(F, DOC_EXAMPLE);
        assertThat(r).isInstanceOf(OrderReader.Read.class);
        Order o = ((OrderReader.Read) r).order();
        assertThat(o.id()).isEqualTo("DEMO-0001");
        assertThat(o.lines()).extracting(Order.Line::gtin).containsExactly("04150037528643", "00371234015031");
        assertThat(o.lines().get(0).quantity()).isEqualTo(2);
        assertThat(o.lines().get(1).daysSupply()).isEqualTo(90);
    }

    @Test
    void readFolder_readsEveryJsonFileInNameOrder() throws Exception {
        Files.writeString(dir.resolve("DEMO-0002.json"), DOC_EXAMPLE.replace("DEMO-0001", "DEMO-0002"));
        Files.writeString(dir.resolve("DEMO-0001.json"), DOC_EXAMPLE);
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        var results = OrderReader.readFolder(dir);
        assertThat(results).hasSize(2).allMatch(r -> r instanceof OrderReader.Read);
        assertThat(((OrderReader.Read) results.get(0)).order().id()).isEqualTo("DEMO-0001");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field    | "daysSupply" : 25                | "daysSupply" : 25, "qty" : 2     | lines[0].qty: unknown field
            duplicate key    | "format" : 1,                    | "format" : 1, "format" : 1,      | not valid JSON
            bad check digit  | 04150037528643                   | 04150037528644                   | lines[0]: not a GTIN-14
            zero quantity    | "quantity" : 2                   | "quantity" : 0                   | lines[0]: quantity must be 1-99
            text quantity    | "quantity" : 2                   | "quantity" : "2"                 | lines[0]: quantity and daysSupply are required
            no days supply   | ,\\n    "daysSupply" : 25        | ''                               | lines[0]: quantity and daysSupply are required
            lines misnumbered| "line" : 2                       | "line" : 3                       | lines[1].line: must be 2
            bad PZN          | 03752864                         | 03752865                         | lines[0].pzn: must be 8 digits
            bad NDC          | 7123401503                       | 712340150                        | lines[1].ndc: must be the 10-digit NDC
            wrong format     | "format" : 1                     | "format" : 2                     | format: must be 1
            same GTIN twice  | 00371234015031                   | 04150037528643                   | on two lines
            bad order id     | DEMO-0001                        | DEMO 0001                        | order id
            """)
    void parse_namesTheBadField(String name, String from, String to, String problem) {
        String json = DOC_EXAMPLE.replace(from.replace("\\n", "\n"), to);
        assertThat(json).isNotEqualTo(DOC_EXAMPLE);
        OrderReader.Result r = OrderReader.parse(F, json);
        assertThat(r).isInstanceOf(OrderReader.Problem.class);
        assertThat(((OrderReader.Problem) r).message()).contains(problem);
    }

    @Test
    void validPzn_followsTheIfaCheckDigit() {
        assertThat(OrderReader.validPzn("03752864")).isTrue();
        assertThat(OrderReader.validPzn("03752865")).isFalse();
        assertThat(OrderReader.validPzn("0375286")).isFalse();
    }
}

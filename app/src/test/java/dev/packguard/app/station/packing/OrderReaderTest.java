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

    @Test
    void readFolder_readsEveryJsonFileInNameOrder() throws Exception {
        Files.writeString(dir.resolve("b.json"), """
                {"format":1,"orderId":"ORD-2","lines":[{"gtin":"04012345000016","description":"Ibuprofen","quantity":2,"daysSupply":30}]}""");
        Files.writeString(dir.resolve("a.json"), """
                {"format":1,"orderId":"ORD-1","lines":[{"gtin":"04012345000023","description":"Amoxicillin","quantity":1}]}""");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        var results = OrderReader.readFolder(dir);
        assertThat(results).hasSize(2).allMatch(r -> r instanceof OrderReader.Read);
        Order first = ((OrderReader.Read) results.get(0)).order();
        assertThat(first.id()).isEqualTo("ORD-1");
        assertThat(first.lines().get(0).daysSupply()).isZero();
        assertThat(((OrderReader.Read) results.get(1)).order().lines().get(0).quantity()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field    | {"format":1,"orderId":"O","lines":[{"gtin":"04012345000016","description":"x","quantity":1,"qty":2}]} | lines[0].qty: unknown field
            duplicate key    | {"format":1,"orderId":"O","orderId":"P","lines":[]}                                                   | not valid JSON
            bad check digit  | {"format":1,"orderId":"O","lines":[{"gtin":"04012345000017","description":"x","quantity":1}]}         | lines[0]: not a GTIN-14
            zero quantity    | {"format":1,"orderId":"O","lines":[{"gtin":"04012345000016","description":"x","quantity":0}]}         | lines[0]: quantity must be 1-999
            text quantity    | {"format":1,"orderId":"O","lines":[{"gtin":"04012345000016","description":"x","quantity":"2"}]}       | lines[0]: quantity
            no lines         | {"format":1,"orderId":"O","lines":[]}                                                                  | lines: at least one
            wrong format     | {"format":2,"orderId":"O","lines":[]}                                                                  | format: must be 1
            same GTIN twice  | {"format":1,"orderId":"O","lines":[{"gtin":"04012345000016","description":"x","quantity":1},{"gtin":"04012345000016","description":"y","quantity":1}]} | on two lines
            bad order id     | {"format":1,"orderId":"O 1","lines":[{"gtin":"04012345000016","description":"x","quantity":1}]}      | order id
            """)
    void parse_namesTheBadField(String name, String json, String problem) {
        OrderReader.Result r = OrderReader.parse(F, json);
        assertThat(r).isInstanceOf(OrderReader.Problem.class);
        assertThat(((OrderReader.Problem) r).message()).contains(problem);
    }
}

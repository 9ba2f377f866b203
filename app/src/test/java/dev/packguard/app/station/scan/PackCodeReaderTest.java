package dev.packguard.app.station.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.app.station.packing.UnitKey;
import dev.packguard.scanner.scan.ScanDecoder;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackCodeReaderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
    // GTIN 04012345000016: check digit 6 by the GS1 mod-10 algorithm (GS1 General Specifications §7.9.1).
    private static final UnitKey PACKED = new UnitKey("04012345000016", "PACKED1");
    private static final UnitKey BINNED = new UnitKey("04012345000016", "BINNED1");

    private final List<String> records = new ArrayList<>();
    private final PackCodeReader packing = new PackCodeReader(new ScanDecoder(WedgeConfig.defaults(), CLOCK),
            new PackCodeReader.Wording("", "packed", "order"));
    private final PackCodeReader returns = new PackCodeReader(new ScanDecoder(WedgeConfig.defaults(), CLOCK),
            new PackCodeReader.Wording("return ", "returned to stock", "session"));

    private Optional<PackCodeReader.Seen> seen(UnitKey key) {
        return Optional.ofNullable(Map.of(PACKED, PackCodeReader.Seen.DONE, BINNED, PackCodeReader.Seen.QUARANTINED).get(key));
    }

    private boolean record(String subject, String detail) {
        records.add(subject + " | " + detail);
        return true;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            (01)04012345000016(21)NEW1     | Read       | -                      | -
            (01)04012345000016(21)PACKED1  | Duplicate  | 04012345000016/PACKED1 | DUPLICATE: already packed in this order
            (01)04012345000016(21)BINNED1  | Duplicate  | 04012345000016/BINNED1 | DUPLICATE: already quarantined in this order
            (01)04012345000016(10)LOT1     | NoSerial   | 04012345000016         | REFUSED: This code has no serial number, so the pack cannot be verified. Scan the 2D code on the pack.
            (01)04012345000017(21)NEW1     | Unreadable | (01)04012345000017(21)NEW1 | UNREADABLE:
            """)
    void read_givesTheResultAndRecordsEveryRefusal(String scan, String result, String subject, String detail) {
        PackCodeReader.Result r = packing.read(scan, this::seen, this::record);

        assertThat(r.getClass().getSimpleName()).isEqualTo(result);
        if (subject == null) {
            assertThat(records).isEmpty();
        } else {
            assertThat(records).singleElement().asString().startsWith(subject + " | " + detail);
        }
    }

    @Test
    void read_namesTheUnitByGtinAndSerial() {
        PackCodeReader.Result r = packing.read("(01)04012345000016(21)NEW1(10)LOT1", this::seen, this::record);

        assertThat(r).isInstanceOfSatisfying(PackCodeReader.Result.Read.class, read -> {
            assertThat(read.key()).isEqualTo(new UnitKey("04012345000016", "NEW1"));
            assertThat(read.unit().lot()).contains("LOT1");
        });
    }

    @Test
    void read_wordsTheRecordsAsTheWorkflowDoes() {
        returns.read("(01)04012345000016(21)PACKED1", this::seen, this::record);
        returns.read("(01)04012345000016(21)BINNED1", this::seen, this::record);

        assertThat(records).containsExactly(
                "04012345000016/PACKED1 | return DUPLICATE: already returned to stock in this session",
                "04012345000016/BINNED1 | return DUPLICATE: already quarantined in this session");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            (01)04012345000016(21)NEW1    | -
            (01)04012345000016(21)BINNED1 | duplicate 04012345000016/BINNED1 quarantined=true
            (01)04012345000016(10)LOT1    | refused This code has no serial number, so the pack cannot be verified. Scan the 2D code on the pack.
            (01)04012345000017(21)NEW1    | unreadable (01)04012345000017(21)NEW1
            """)
    void refusal_isTheWorkflowsOutcome_andNoneForAReadUnit(String scan, String outcome) {
        PackCodeReader.Refusals<String> words = new PackCodeReader.Refusals<>((raw, error) -> "unreadable " + raw,
                why -> "refused " + why, (key, q) -> "duplicate " + key + " quarantined=" + q, () -> "halted");

        Optional<String> refusal = packing.read(scan, this::seen, this::record).refusal(words);

        assertThat(refusal.orElse("-")).isEqualTo(outcome);
        assertThat(packing.read(scan, this::seen, (subject, detail) -> false).refusal(words))
                .isEqualTo(outcome.equals("-") ? Optional.empty() : Optional.of("halted"));
    }

    @Test
    void read_whenTheRecordCannotBeWritten_saysNotRecorded() {
        PackCodeReader.Result r = packing.read("(01)04012345000016(21)PACKED1", this::seen, (subject, detail) -> false);

        assertThat(r).isInstanceOf(PackCodeReader.Result.NotRecorded.class);
    }
}

package dev.packguard.ledger.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTypesTest {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            gtin   | 04012345000108       | true
            gtin   | 04012345000109       | false
            gtin   | 4012345000108        | false
            gtin   | 0401234500010X       | false
            gln    | 4056789000027        | true
            gln    | 4056789000028        | false
            lot    | B2403A               | true
            lot    | 12345678901234567890 | true
            lot    | 123456789012345678901| false
            lot    | A B                  | false
            lot    | Ä1                   | false
            prefix | 4012345              | true
            prefix | 401                  | false
            prefix | 4012345678901        | false
            keyId  | q1GbvkZLaswjwrN4ve_50A | true
            keyId  | q1GbvkZLaswjwrN4ve_50B | false
            keyId  | q1GbvkZLaswjwrN4ve+50A | false
            """)
    void isValid_checksEachIdentifierDomain(String kind, String value, boolean valid) {
        boolean actual = switch (kind) {
            case "gtin" -> Gtin.isValid(value);
            case "gln" -> Gln.isValid(value);
            case "lot" -> Lot.isValid(value);
            case "prefix" -> CompanyPrefix.isValid(value);
            case "keyId" -> KeyId.isValid(value);
            default -> throw new IllegalArgumentException(kind);
        };
        assertThat(actual).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-24T09:15:30.250Z | 2026-11-24T09:15:30.250Z
            2026-11-24T09:15:30Z     | ''
            2026-11-24T09:15:30.25Z  | ''
            2026-11-24t09:15:30.250Z | ''
            1999-12-31T23:59:59.999Z | ''
            2026-02-29T00:00:00.000Z | ''
            """)
    void parseInstant_acceptsOnlyTheWireForm(String text, String expected) {
        assertThat(Times.parseInstant(text)).isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(expected)));
    }

    @Test
    void parseDate_acceptsRealDatesOnly() {
        assertThat(Times.parseDate("2028-02-29")).contains(LocalDate.of(2028, 2, 29));
        assertThat(Times.parseDate("2027-02-29")).isEmpty();
        assertThat(Times.parseDate("2027-2-28")).isEmpty();
    }

    @Test
    void unitCommitment_refusesSerialsOutsideAi21() {
        Gtin gtin = new Gtin("04012345000108");
        assertThatThrownBy(() -> UnitCommitment.of(gtin, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnitCommitment.of(gtin, "123456789012345678901")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnitCommitment.of(gtin, "AB\u001DCD")).isInstanceOf(IllegalArgumentException.class);
        assertThat(UnitCommitment.of(gtin, "AB")).isNotEqualTo(UnitCommitment.of(new Gtin("04012345000207"), "AB"));
    }

    @Test
    void events_holdUnitsAsSortedSetsAndRefuseDuplicates() {
        Gtin gtin = new Gtin("04012345000108");
        UnitCommitment a = UnitCommitment.of(gtin, "A");
        UnitCommitment b = UnitCommitment.of(gtin, "B");
        Gln g = new Gln("4056789000027");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(new Dispensing(g, t, g, List.of(b, a))).isEqualTo(new Dispensing(g, t, g, List.of(a, b)));
        assertThatThrownBy(() -> new Dispensing(g, t, g, List.of(a, a))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dispensing(g, t, g, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dispensing(g, t.plusNanos(1), g, List.of(a))).isInstanceOf(IllegalArgumentException.class);
    }
}

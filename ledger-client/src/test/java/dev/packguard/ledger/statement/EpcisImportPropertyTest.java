package dev.packguard.ledger.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Trading partners' documents are untrusted: damaged ones are reported, never thrown. */
class EpcisImportPropertyTest {
    private static final byte[] DOCUMENT = new EpcisExport(List.of(new CompanyPrefix("4012345")), List.of())
            .export(SampleStatements.all(), Instant.parse("2026-11-24T10:00:00Z"));

    @Property(tries = 1000)
    void read_neverThrowsOnDamagedDocuments(@ForAll("damaged") byte[] document) {
        assertThat(EpcisImport.read(document, SampleStatements.PHARMACY)).isNotNull();
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, DOCUMENT.length - 1);
        Arbitrary<Byte> value = Arbitraries.of((byte) '"', (byte) '{', (byte) '}', (byte) '[', (byte) ']', (byte) ',',
                (byte) ':', (byte) '0', (byte) '9', (byte) '-', (byte) 'x', (byte) '/', (byte) '%', (byte) ' ');
        return Combinators.combine(position, value, Arbitraries.integers().between(1, 4)).as((p, v, n) -> {
            byte[] out = DOCUMENT.clone();
            for (int i = 0; i < n && p + i * 37 < out.length; i++) {
                out[p + i * 37] = v;
            }
            return out;
        });
    }
}

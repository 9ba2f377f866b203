package dev.packguard.ledger.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EpcisRoundTripTest {
    private static final Instant CREATED = Instant.parse("2026-11-24T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"4012345000016", "4012345000030", "4012345000047"})
    void import_returnsEachPartysExportedEventsUnchanged(String partyDigits) {
        Gln party = new Gln(partyDigits);
        List<Statement> history = SampleStatements.all();
        List<Statement> events = history.stream().filter(s -> s instanceof Event).toList();
        byte[] document = new EpcisExport(List.of(), List.of()).export(history, CREATED);

        EpcisImport.Result result = EpcisImport.read(document, party);

        List<Statement> expected = events.stream().filter(s -> s.party().equals(party)).toList();
        assertThat(expected).isNotEmpty();
        assertThat(result).isInstanceOf(EpcisImport.Result.Imported.class);
        EpcisImport.Result.Imported imported = (EpcisImport.Result.Imported) result;
        assertThat(imported.statements()).isEqualTo(expected);
        assertThat(imported.skipped()).hasSize(events.size() - expected.size())
                .allSatisfy(s -> assertThat(s.reason()).startsWith("event belongs to another party"));
    }

    @Test
    void export_namesOnlyKnownSerialsInClear() {
        Gtin gtin = new Gtin("04012345000108");
        KnownUnit scanned = new KnownUnit(gtin, "SER/1");
        UnitCommitment unknown = UnitCommitment.of(gtin, "SECRET42");
        Statement dispensing = new Dispensing(SampleStatements.PHARMACY, SampleStatements.T, SampleStatements.PHARMACY,
                List.of(scanned.commitment(), unknown));

        String document = new String(new EpcisExport(List.of(new CompanyPrefix("4012345")), List.of(scanned))
                .export(List.of(dispensing), CREATED), StandardCharsets.UTF_8);

        assertThat(document).contains("\"urn:epc:id:sgtin:4012345.000010.SER%2F1\"")
                .contains("\"urn:packguard:unit:v1:" + unknown.value() + "\"")
                .contains("\"urn:epc:id:sgln:4012345.00004.0\"")
                .contains("\"bizStep\" : \"urn:epcglobal:cbv:bizstep:dispensing\"")
                .doesNotContain("SECRET42");
        assertThat(EpcisImport.read(document.getBytes(StandardCharsets.UTF_8), SampleStatements.PHARMACY))
                .isEqualTo(new EpcisImport.Result.Imported(List.of(dispensing), List.of()));
    }

    @Test
    void import_readsATradingPartnersDocumentWithUrnsAndOffsets() {
        String document = """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-05-01T10:00:00+02:00",
                 "epcisBody": {"eventList": [
                   {"type": "ObjectEvent", "eventTime": "2026-05-01T10:00:00.123456+02:00", "eventTimeZoneOffset": "+02:00",
                    "epcList": ["urn:epc:id:sgtin:4012345.000010.SER%2F1", "https://id.gs1.org/01/04012345000108/21/B77"],
                    "action": "OBSERVE",
                    "bizStep": "urn:epcglobal:cbv:bizstep:shipping", "disposition": "https://ref.gs1.org/cbv/Disp-in_transit",
                    "readPoint": {"id": "urn:epc:id:sgln:4098765.00002.0"},
                    "sourceList": [{"type": "urn:epcglobal:cbv:sdt:owning_party", "source": "urn:epc:id:pgln:4098765.00001"},
                                   {"type": "urn:epcglobal:cbv:sdt:location", "source": "urn:epc:id:sgln:4098765.00002.0"}],
                    "destinationList": [{"type": "location", "destination": "https://id.gs1.org/414/4056789000027"}]},
                   {"type": "AggregationEvent", "eventTime": "2026-05-01T10:00:00Z", "action": "ADD"},
                   {"type": "ObjectEvent", "eventTime": "2026-05-01T10:00:00Z", "bizStep": "repairing", "disposition": "active",
                    "epcList": ["urn:epc:id:sgtin:4012345.000010.B78"]}
                 ]}}
                """;
        Gln wholesaler = new Gln("4098765000010");
        Gtin gtin = new Gtin("04012345000108");

        EpcisImport.Result result = EpcisImport.read(document.getBytes(StandardCharsets.UTF_8), wholesaler);

        assertThat(result).isEqualTo(new EpcisImport.Result.Imported(
                List.of(new Shipping(wholesaler, Instant.parse("2026-05-01T08:00:00.123Z"), new Gln("4098765000027"),
                        new Gln("4056789000027"), List.of(UnitCommitment.of(gtin, "SER/1"), UnitCommitment.of(gtin, "B77")))),
                List.of(new EpcisImport.Skipped(1, "only ObjectEvents are imported, not AggregationEvent"),
                        new EpcisImport.Skipped(2, "no statement type for bizStep repairing with disposition active"))));
    }

    @Test
    void import_refusesDocumentsThatAreNotEpcis() {
        assertThat(EpcisImport.read("{\"type\":\"Invoice\"}".getBytes(StandardCharsets.UTF_8), SampleStatements.PHARMACY))
                .isInstanceOf(EpcisImport.Result.Unreadable.class);
        assertThat(EpcisImport.read("{\"type\":".getBytes(StandardCharsets.UTF_8), SampleStatements.PHARMACY))
                .isInstanceOf(EpcisImport.Result.Unreadable.class);
    }
}

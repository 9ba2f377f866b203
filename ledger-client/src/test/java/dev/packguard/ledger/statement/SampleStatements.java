package dev.packguard.ledger.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One statement of every type with plausible values, for codec tests. */
final class SampleStatements {
    static final Gtin GTIN = new Gtin("04150123456782");
    static final Lot LOT = new Lot("L2411-07");
    static final Gln MANUFACTURER = new Gln("4012345000016");
    static final Gln PLANT = new Gln("4012345000023");
    static final Gln WHOLESALER = new Gln("4012345000030");
    static final Gln PHARMACY = new Gln("4012345000047");
    static final Instant T = Instant.parse("2026-11-24T09:15:30.250Z");
    static final List<UnitCommitment> UNITS = List.of(
            UnitCommitment.of(GTIN, "SN7QX2K9"), UnitCommitment.of(GTIN, "SN0001"), UnitCommitment.of(GTIN, "SN0002"));

    private SampleStatements() {}

    static List<Statement> all() {
        return List.of(
                new PartyRegistration(MANUFACTURER, T, Role.MANUFACTURER, List.of(new CompanyPrefix("0150123")),
                        List.of(PLANT, MANUFACTURER), new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}),
                new KeyRevocation(PHARMACY, T, new KeyId("AAAAAAAAAAAAAAAAAAAAAA"), T.minusSeconds(3600), RevocationReason.KEY_COMPROMISE),
                new Commissioning(MANUFACTURER, T, PLANT, GTIN, LOT, LocalDate.parse("2028-06-30"), UNITS),
                new Shipping(MANUFACTURER, T, PLANT, WHOLESALER, UNITS),
                new Receiving(WHOLESALER, T, PLANT, WHOLESALER, UNITS),
                new Returning(PHARMACY, T, PHARMACY, WHOLESALER, UNITS.subList(0, 1)),
                new Dispensing(PHARMACY, T, PHARMACY, UNITS.subList(1, 2)),
                new DispenseUndo(PHARMACY, T, PHARMACY, 123_456_789L, UNITS.subList(1, 2)),
                new DispenseReturn(PHARMACY, T, PHARMACY, UNITS.subList(1, 2)),
                new Decommissioning(WHOLESALER, T, WHOLESALER, DecommissionReason.STOLEN, UNITS),
                new Recall(MANUFACTURER, T, new RecallScope.ByLot(GTIN, LOT)),
                new Recall(MANUFACTURER, T, new RecallScope.ByUnits(UNITS)),
                new SuspectReport(PHARMACY, T, PHARMACY, Suspicion.COUNTERFEIT, UNITS.subList(2, 3)));
    }
}

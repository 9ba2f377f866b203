package dev.packguard.ledger.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** JSON tree to statement, refusing anything docs/LEDGER.md "Statements" does not define; inverse of {@link StatementJson}. */
final class StatementReader {
    private StatementReader() {}

    /** The statement in {@code node}, or a {@link Rejection} naming the first defect. */
    static Statement read(JsonNode node, String pointer) {
        JsonFields f = JsonFields.of(node, pointer);
        long v = f.has("v") && f.raw("v").isIntegralNumber() ? f.raw("v").asLong() : -1;
        if (v != Statement.VERSION) {
            throw new Rejection(EntryDecoding.Problem.UNKNOWN_VERSION, f.pointer("v"), "\"v\" must be the integer 1");
        }
        String type = f.text("type");
        Gln party = f.gln("party");
        Instant eventTime = f.instant("eventTime");
        Statement s = switch (type) {
            case PartyRegistration.TYPE -> new PartyRegistration(party, eventTime, f.code("role", Role.class),
                    f.sortedSet("companyPrefixes", 0, PartyRegistration.MAX_COMPANY_PREFIXES, "a GS1 company prefix",
                            t -> CompanyPrefix.isValid(t) ? Optional.of(new CompanyPrefix(t)) : Optional.empty()),
                    f.sortedSet("glns", 0, PartyRegistration.MAX_GLNS, "a GLN", t -> Gln.isValid(t) ? Optional.of(new Gln(t)) : Optional.empty()),
                    f.parsed("certificate", "base64url DER of at most " + PartyRegistration.MAX_CERTIFICATE_BYTES + " bytes",
                            t -> Base64Url.decode(t).filter(b -> b.length > 0 && b.length <= PartyRegistration.MAX_CERTIFICATE_BYTES)));
            case KeyRevocation.TYPE -> new KeyRevocation(party, eventTime,
                    f.parsed("keyId", "a key id", t -> KeyId.isValid(t) ? Optional.of(new KeyId(t)) : Optional.empty()),
                    f.instant("effectiveTime"), f.code("reason", RevocationReason.class));
            case Commissioning.TYPE -> new Commissioning(party, eventTime, f.gln("location"), f.gtin("gtin"), f.lot("lot"),
                    f.date("expiry"), units(f));
            case Shipping.TYPE -> new Shipping(party, eventTime, f.gln("from"), f.gln("to"), units(f));
            case Receiving.TYPE -> new Receiving(party, eventTime, f.gln("from"), f.gln("to"), units(f));
            case Returning.TYPE -> new Returning(party, eventTime, f.gln("from"), f.gln("to"), units(f));
            case Dispensing.TYPE -> new Dispensing(party, eventTime, f.gln("location"), units(f));
            case DispenseUndo.TYPE -> new DispenseUndo(party, eventTime, f.gln("location"),
                    f.integer("dispenseIndex", 0, Event.MAX_LOG_INDEX), units(f));
            case DispenseReturn.TYPE -> new DispenseReturn(party, eventTime, f.gln("location"), units(f));
            case Decommissioning.TYPE -> new Decommissioning(party, eventTime, f.gln("location"),
                    f.code("reason", DecommissionReason.class), units(f));
            case Recall.TYPE -> new Recall(party, eventTime, recallScope(f));
            case SuspectReport.TYPE -> new SuspectReport(party, eventTime, f.gln("location"),
                    f.code("suspicion", Suspicion.class), units(f));
            default -> throw new Rejection(EntryDecoding.Problem.UNKNOWN_TYPE, f.pointer("type"), "unknown statement type");
        };
        if (s instanceof Event e) {
            // Fixed per type; written for EPCIS readers, so they must say what the type says.
            f.constant("bizStep", e.bizStep());
            f.constant("disposition", e.disposition());
        }
        f.end();
        return s;
    }

    private static List<UnitCommitment> units(JsonFields f) {
        return f.sortedSet("units", 1, Event.MAX_UNITS, "a unit commitment (base64url of 32 bytes)", UnitCommitment::parse);
    }

    private static RecallScope recallScope(JsonFields f) {
        boolean byLot = f.has("gtin") || f.has("lot");
        if (byLot == f.has("units")) {
            throw new Rejection(EntryDecoding.Problem.BAD_VALUE, f.pointer("units"),
                    "a recall names either \"gtin\" and \"lot\" or \"units\", not both and not neither");
        }
        return byLot ? new RecallScope.ByLot(f.gtin("gtin"), f.lot("lot")) : new RecallScope.ByUnits(units(f));
    }
}

package dev.packguard.ledger.statement;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the ObjectEvents of an EPCIS 2.0 JSON document (from a trading partner, or an
 * {@link EpcisExport}) into unsigned statement bodies that {@code party} can review and sign.
 * Units named in clear (SGTIN URN or Digital Link) become commitments here, so serials never
 * reach a statement. Events that do not map are reported, not guessed.
 */
public final class EpcisImport {
    /** Largest document read. */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The outcome of an import. */
    public sealed interface Result {
        /** The document was read; {@code statements} in document order, {@code skipped} the events that did not map. */
        record Imported(List<Statement> statements, List<Skipped> skipped) implements Result {
            /** Copies the lists. */
            public Imported {
                statements = List.copyOf(statements);
                skipped = List.copyOf(skipped);
            }
        }

        /** Not an EPCIS JSON document. */
        record Unreadable(String reason) implements Result {
            /** Requires the reason. */
            public Unreadable {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /** One event that was not imported: its position in eventList and why. */
    public record Skipped(int index, String reason) {}

    private EpcisImport() {}

    /** Imports every ObjectEvent of {@code document} as a statement by {@code party}. */
    public static Result read(byte[] document, Gln party) {
        if (document.length > MAX_DOCUMENT_BYTES) {
            return new Result.Unreadable("larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = STRICT.readTree(document);
        } catch (JacksonException e) {
            return new Result.Unreadable("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new Result.Unreadable("not JSON");
        }
        if (root == null || !"EPCISDocument".equals(root.path("type").asText()) || !root.path("epcisBody").path("eventList").isArray()) {
            return new Result.Unreadable("not an EPCISDocument with epcisBody.eventList");
        }
        List<Statement> statements = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        JsonNode events = root.path("epcisBody").path("eventList");
        for (int i = 0; i < events.size(); i++) {
            try {
                statements.add(event(events.get(i), party));
            } catch (Rejection r) {
                skipped.add(new Skipped(i, r.getMessage()));
            } catch (IllegalArgumentException e) {
                // A record constructor refused a combination (e.g. duplicate units).
                skipped.add(new Skipped(i, e.getMessage()));
            }
        }
        return new Result.Imported(statements, skipped);
    }

    private static Statement event(JsonNode e, Gln party) {
        if (!"ObjectEvent".equals(e.path("type").asText())) {
            throw skip("only ObjectEvents are imported, not " + e.path("type").asText("?"));
        }
        if (e.has("packguard:party") && !EpcisIds.parseParty(e.get("packguard:party").asText()).equals(Optional.of(party))) {
            throw skip("event belongs to another party: " + e.get("packguard:party").asText());
        }
        Instant time = eventTime(e.path("eventTime").asText());
        String bizStep = cbv(e.path("bizStep").asText(), "urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-");
        String disposition = cbv(e.path("disposition").asText(), "urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-");
        List<String> epcs = new ArrayList<>();
        e.path("epcList").forEach(n -> epcs.add(n.asText()));
        switch (bizStep + "/" + disposition) {
            case "commissioning/active":
                return new Commissioning(party, time, place(e), gtin(e, epcs), lot(e.path("ilmd").path("cbvmda:lotNumber")),
                        expiry(e.path("ilmd").path("cbvmda:itemExpirationDate").asText()), units(epcs));
            case "shipping/in_transit":
                return new Shipping(party, time, end(e, "sourceList", "source"), end(e, "destinationList", "destination"), units(epcs));
            case "receiving/sellable_accessible":
                return new Receiving(party, time, end(e, "sourceList", "source"), end(e, "destinationList", "destination"), units(epcs));
            case "shipping/returned":
                return new Returning(party, time, end(e, "sourceList", "source"), end(e, "destinationList", "destination"), units(epcs));
            case "dispensing/dispensed":
                return new Dispensing(party, time, place(e), units(epcs));
            case "stocking/sellable_accessible":
                JsonNode index = e.path("packguard:dispenseIndex");
                if (!index.canConvertToLong() || !index.isIntegralNumber()) {
                    throw skip("an undo needs packguard:dispenseIndex");
                }
                return new DispenseUndo(party, time, place(e), index.longValue(), units(epcs));
            case "inspecting/sellable_accessible":
                return new DispenseReturn(party, time, place(e), units(epcs));
            case "holding/recalled":
                return new Recall(party, time, epcs.isEmpty()
                        ? new RecallScope.ByLot(gtin(e, epcs), lot(e.path("packguard:lot")))
                        : new RecallScope.ByUnits(units(epcs)));
            case "holding/non_sellable_other":
                return new SuspectReport(party, time, place(e), WireEnum.fromWireName(Suspicion.class, e.path("packguard:suspicion").asText())
                        .orElseThrow(() -> skip("a suspect report needs packguard:suspicion")), units(epcs));
            default:
                for (DecommissionReason reason : DecommissionReason.values()) {
                    if (reason.bizStep().equals(bizStep) && reason.disposition().equals(disposition)) {
                        return new Decommissioning(party, time, place(e), reason, units(epcs));
                    }
                }
                throw skip("no statement type for bizStep " + bizStep + " with disposition " + disposition);
        }
    }

    private static Rejection skip(String why) {
        return new Rejection(EntryDecoding.Problem.BAD_VALUE, "", why);
    }

    /** CBV values may be bare names, URNs or GS1 Web URIs (EPCIS 2.0 §8.2.2); statements use bare names. */
    private static String cbv(String value, String urnPrefix, String webPrefix) {
        if (value.startsWith(urnPrefix)) {
            return value.substring(urnPrefix.length());
        }
        return value.startsWith(webPrefix) ? value.substring(webPrefix.length()) : value;
    }

    /** An xsd:dateTime with offset, as UTC truncated to milliseconds (statements keep milliseconds). */
    private static Instant eventTime(String text) {
        try {
            Instant t = Times.truncate(OffsetDateTime.parse(text).toInstant());
            if (!Times.isValidInstant(t)) {
                throw skip("eventTime outside 2000-2199: " + text);
            }
            return t;
        } catch (DateTimeParseException e) {
            throw skip("eventTime is not an xsd:dateTime with offset: " + text);
        }
    }

    private static List<UnitCommitment> units(List<String> epcs) {
        if (epcs.isEmpty() || epcs.size() > Event.MAX_UNITS) {
            throw skip("epcList must name 1.." + Event.MAX_UNITS + " units");
        }
        Set<UnitCommitment> units = new LinkedHashSet<>();
        for (String epc : epcs) {
            units.add(EpcisIds.parseUnit(epc).orElseThrow(() -> skip("not a unit identifier: " + epc)));
        }
        return UnitCommitment.canonicalList(units);
    }

    private static Gtin gtin(JsonNode e, List<String> epcs) {
        if (e.has("packguard:gtin")) {
            String digits = e.get("packguard:gtin").asText();
            if (!Gtin.isValid(digits)) {
                throw skip("packguard:gtin is not a GTIN-14: " + digits);
            }
            return new Gtin(digits);
        }
        Set<Gtin> gtins = new LinkedHashSet<>();
        for (String epc : epcs) {
            gtins.add(EpcisIds.parseGtin(epc).orElseThrow(() -> skip("the GTIN is not given and " + epc + " does not name it")));
        }
        if (gtins.size() != 1) {
            throw skip("the units must all have one GTIN");
        }
        return gtins.iterator().next();
    }

    private static Lot lot(JsonNode value) {
        if (!value.isTextual() || !Lot.isValid(value.textValue())) {
            throw skip("missing or invalid lot number");
        }
        return new Lot(value.textValue());
    }

    private static LocalDate expiry(String text) {
        return Times.parseDate(text).orElseThrow(() -> skip("cbvmda:itemExpirationDate is not a yyyy-MM-dd date: " + text));
    }

    private static Gln place(JsonNode e) {
        String id = e.path("bizLocation").path("id").asText(e.path("readPoint").path("id").asText());
        return EpcisIds.parseLocation(id).orElseThrow(() -> skip("bizLocation/readPoint is not an SGLN or GLN Digital Link: " + id));
    }

    private static Gln end(JsonNode e, String list, String member) {
        for (JsonNode item : e.path(list)) {
            String type = item.path("type").asText();
            if (type.equals("location") || type.equals("urn:epcglobal:cbv:sdt:location") || type.equals("https://ref.gs1.org/cbv/SDT-location")) {
                String id = item.path(member).asText();
                return EpcisIds.parseLocation(id).orElseThrow(() -> skip(list + " location is not an SGLN or GLN Digital Link: " + id));
            }
        }
        throw skip("no location in " + list);
    }
}

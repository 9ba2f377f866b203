package dev.packguard.ledger.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes events (typically one unit's history) as an EPCIS 2.0 JSON-LD document (GS1 EPCIS 2.0
 * §8 and its JSON schema), one ObjectEvent per statement, for trading partners and auditors.
 * Registrations and revocations are not EPCIS events and are left out. Values EPCIS has no slot
 * for travel as {@code packguard:} extension members (docs/LEDGER.md "Statements", EPCIS).
 */
public final class EpcisExport {
    /** JSON-LD namespace of the extension members. */
    public static final String NAMESPACE = "https://packguard.dev/epcis/v1#";
    static final String CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<CompanyPrefix> prefixes;
    private final Map<UnitCommitment, KnownUnit> known;

    /**
     * @param prefixes   company prefixes whose length is known (from party registrations); they let
     *                   identifiers be written as SGTIN / SGLN URNs, otherwise Digital Link URIs are used
     * @param knownUnits units whose serials the exporter knows; only these appear in clear
     */
    public EpcisExport(Collection<CompanyPrefix> prefixes, Collection<KnownUnit> knownUnits) {
        this.prefixes = List.copyOf(prefixes);
        this.known = knownUnits.stream().collect(Collectors.toUnmodifiableMap(KnownUnit::commitment, Function.identity(), (a, b) -> a));
    }

    /** The EPCIS document (UTF-8 JSON, indented) for the events among {@code statements}, in the given order. */
    public byte[] export(List<? extends Statement> statements, Instant creationDate) {
        ObjectNode doc = NODES.objectNode();
        ArrayNode context = doc.putArray("@context");
        context.add(CONTEXT);
        context.addObject().put("packguard", NAMESPACE);
        doc.put("type", "EPCISDocument");
        doc.put("schemaVersion", "2.0");
        doc.put("creationDate", Times.format(Times.truncate(creationDate)));
        ArrayNode events = doc.putObject("epcisBody").putArray("eventList");
        for (Statement s : statements) {
            if (s instanceof Event e) {
                events.add(event(e));
            }
        }
        try {
            return PRETTY.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private ObjectNode event(Event e) {
        ObjectNode o = NODES.objectNode();
        o.put("type", "ObjectEvent");
        o.put("eventTime", Times.format(e.eventTime()));
        o.put("eventTimeZoneOffset", "+00:00");
        ArrayNode epcs = o.putArray("epcList");
        e.units().forEach(u -> epcs.add(EpcisIds.unit(u, Optional.ofNullable(known.get(u)), prefixes)));
        o.put("action", action(e));
        // CBV URNs rather than bare names: EPCIS 1.2-era tools read only these, EPCIS 2.0 reads both.
        o.put("bizStep", "urn:epcglobal:cbv:bizstep:" + e.bizStep());
        o.put("disposition", "urn:epcglobal:cbv:disp:" + e.disposition());
        o.put("packguard:party", EpcisIds.party(e.party()));
        if (e instanceof Commissioning c) {
            place(o, c.location());
            o.put("packguard:gtin", c.gtin().digits());
            ObjectNode ilmd = o.putObject("ilmd");
            ilmd.put("cbvmda:lotNumber", c.lot().value());
            ilmd.put("cbvmda:itemExpirationDate", Times.format(c.expiry()));
        } else if (e instanceof Shipping s) {
            fromTo(o, s.from(), s.to());
        } else if (e instanceof Receiving r) {
            fromTo(o, r.from(), r.to());
        } else if (e instanceof Returning r) {
            fromTo(o, r.from(), r.to());
        } else if (e instanceof Dispensing d) {
            place(o, d.location());
        } else if (e instanceof DispenseUndo u) {
            place(o, u.location());
            o.put("packguard:dispenseIndex", u.dispenseIndex());
        } else if (e instanceof DispenseReturn r) {
            place(o, r.location());
        } else if (e instanceof Decommissioning d) {
            place(o, d.location());
        } else if (e instanceof SuspectReport r) {
            place(o, r.location());
            o.put("packguard:suspicion", r.suspicion().wireName());
        } else if (e instanceof Recall r && r.scope() instanceof RecallScope.ByLot lot) {
            o.put("packguard:gtin", lot.gtin().digits());
            o.put("packguard:lot", lot.lot().value());
        }
        return o;
    }

    /** CBV: commissioning adds identifiers, leaving the supply chain deletes them, the rest observe. */
    private static String action(Event e) {
        if (e instanceof Commissioning) {
            return "ADD";
        }
        return e instanceof Decommissioning ? "DELETE" : "OBSERVE";
    }

    private void place(ObjectNode o, Gln gln) {
        String id = EpcisIds.location(gln, prefixes);
        o.putObject("readPoint").put("id", id);
        o.putObject("bizLocation").put("id", id);
    }

    private void fromTo(ObjectNode o, Gln from, Gln to) {
        o.putArray("sourceList").addObject().put("type", "urn:epcglobal:cbv:sdt:location").put("source", EpcisIds.location(from, prefixes));
        o.putArray("destinationList").addObject().put("type", "urn:epcglobal:cbv:sdt:location").put("destination", EpcisIds.location(to, prefixes));
    }
}

package dev.packguard.ledger.statement;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Statement to JSON tree, field names as in docs/LEDGER.md "Statements"; {@link StatementReader} is the inverse. */
final class StatementJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StatementJson() {}

    static ObjectNode toJson(Statement s) {
        ObjectNode o = NODES.objectNode();
        o.put("v", Statement.VERSION);
        o.put("type", s.type());
        o.put("party", s.party().digits());
        o.put("eventTime", Times.format(s.eventTime()));
        if (s instanceof Event e) {
            o.put("bizStep", e.bizStep());
            o.put("disposition", e.disposition());
        }
        if (s instanceof PartyRegistration r) {
            o.put("role", r.role().wireName());
            o.set("companyPrefixes", strings(r.companyPrefixes().stream().map(CompanyPrefix::digits).toList()));
            o.set("glns", strings(r.glns().stream().map(Gln::digits).toList()));
            o.put("certificate", Base64Url.encode(r.certificate()));
        } else if (s instanceof KeyRevocation r) {
            o.put("keyId", r.keyId().value());
            o.put("effectiveTime", Times.format(r.effectiveTime()));
            o.put("reason", r.reason().wireName());
        } else if (s instanceof Commissioning c) {
            o.put("location", c.location().digits());
            o.put("gtin", c.gtin().digits());
            o.put("lot", c.lot().value());
            o.put("expiry", Times.format(c.expiry()));
        } else if (s instanceof Shipping x) {
            fromTo(o, x.from(), x.to());
        } else if (s instanceof Receiving x) {
            fromTo(o, x.from(), x.to());
        } else if (s instanceof Returning x) {
            fromTo(o, x.from(), x.to());
        } else if (s instanceof Dispensing d) {
            o.put("location", d.location().digits());
        } else if (s instanceof DispenseUndo u) {
            o.put("location", u.location().digits());
            o.put("dispenseIndex", u.dispenseIndex());
        } else if (s instanceof DispenseReturn r) {
            o.put("location", r.location().digits());
        } else if (s instanceof Decommissioning d) {
            o.put("location", d.location().digits());
            o.put("reason", d.reason().wireName());
        } else if (s instanceof Recall r) {
            if (r.scope() instanceof RecallScope.ByLot lot) {
                o.put("gtin", lot.gtin().digits());
                o.put("lot", lot.lot().value());
            }
        } else if (s instanceof SuspectReport r) {
            o.put("location", r.location().digits());
            o.put("suspicion", r.suspicion().wireName());
        } else {
            throw new IllegalStateException("unhandled statement type " + s.type());
        }
        if (s instanceof Event e && !e.units().isEmpty()) {
            o.set("units", strings(e.units().stream().map(UnitCommitment::value).toList()));
        }
        return o;
    }

    static ObjectNode toJson(StatementSignature sig) {
        ObjectNode o = NODES.objectNode();
        o.put("alg", sig.alg().wireName());
        o.put("keyId", sig.keyId().value());
        o.put("value", Base64Url.encode(sig.value()));
        return o;
    }

    private static void fromTo(ObjectNode o, Gln from, Gln to) {
        o.put("from", from.digits());
        o.put("to", to.digits());
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }
}

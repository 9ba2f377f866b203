package dev.packguard.app.station.packing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.packguard.app.station.CheckpointRef;
import dev.packguard.scanner.ProductIdentifier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bodies of the station's own statements, queued in the {@link Outbox} until they are
 * signed with the pharmacy's key and published. EPCIS 2.0 / CBV vocabulary (bizStep,
 * disposition); no order id, patient or prescription data, which never enter the log.
 */
public final class Statements {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Statements() {
    }

    /** A dispensing event for one unit (CBV bizStep {@code dispensing}, disposition {@code dispensed}). */
    static String dispense(ProductIdentifier unit, UnitKey key, Instant at, PackingSettings settings,
            Optional<CheckpointRef> checkpoint) {
        ObjectNode o = base("dispensing", "dispensed", key, at, settings, checkpoint);
        unit.lot().ifPresent(l -> o.put("lot", l));
        unit.expiry().ifPresent(e -> o.put("expiry", e.toString()));
        return o.toString();
    }

    /** The reversal of a dispensing event for one unit (back to {@code active}, EU undo within 10 days). */
    static String undo(UnitKey key, Instant at, PackingSettings settings) {
        return base("dispensing_undone", "active", key, at, settings, Optional.empty()).toString();
    }

    /**
     * A unit returned by the patient and put back into saleable stock after its checks passed
     * (CBV bizStep {@code returning}... disposition {@code sellable_not_accessible} is for stock
     * awaiting inspection; a unit back on the shelf is {@code active}).
     */
    public static String returned(UnitKey key, Instant at, PackingSettings settings) {
        return base("returning", "active", key, at, settings, Optional.empty()).toString();
    }

    /** A suspect-product report for a blocked unit, with the verdict's reasons and evidence. */
    public static String suspect(UnitKey key, Instant at, PackingSettings settings, UnitVerdict verdict, List<String> reasons) {
        ObjectNode o = base("holding", "non_sellable_other", key, at, settings, verdict.evidence().checkpoint());
        o.put("report", "suspect");
        reasons.forEach(o.putArray("reasons")::add);
        verdict.evidence().entries().forEach(o.putArray("evidence")::add);
        return o.toString();
    }

    private static ObjectNode base(String bizStep, String disposition, UnitKey key, Instant at,
            PackingSettings settings, Optional<CheckpointRef> checkpoint) {
        ObjectNode o = JSON.createObjectNode();
        o.put("bizStep", bizStep);
        o.put("disposition", disposition);
        o.put("gtin", key.gtin());
        o.put("serial", key.serial());
        o.put("time", at.toString());
        o.put("location", settings.pharmacyGln());
        o.put("station", settings.stationName());
        checkpoint.ifPresent(c -> {
            ObjectNode cp = o.putObject("checkpoint");
            cp.put("origin", c.origin());
            cp.put("size", c.size());
            cp.put("root", c.rootHex());
        });
        return o;
    }
}

package dev.packguard.app.station.packing;

import dev.packguard.app.station.CheckpointRef;
import dev.packguard.app.station.audit.AuditEntry;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditTrail;
import dev.packguard.app.station.signing.StationSigner;
import dev.packguard.app.station.signing.StationSigning;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Pack &amp; seal" of a complete order, once {@link PackingSession} has checked it may: the
 * DISPENSE records on the audit log, then the order, its units and their signed dispense
 * statements in the outbox in one transaction, then the packing slip. A failed write comes back
 * as {@link SealOutcome.Halted}; the session halts on it.
 */
final class SealStep {
    private final PackingSession.Parts p;
    private final AuditTrail trail;

    SealStep(PackingSession.Parts parts, AuditTrail trail) {
        this.p = parts;
        this.trail = trail;
    }

    /** Seals {@code order}, packed by {@code operator} with {@code packed} (units by GTIN, in scan order). */
    SealOutcome seal(Order order, String operator, Map<String, List<UnitKey>> packed, List<UnitKey> units) {
        if (p.settings().signing().status() instanceof StationSigning.Status.Unavailable u) {
            return new SealOutcome.Refused(u.why());
        }
        StationSigner signer = ((StationSigning.Status.Ready) p.settings().signing().status()).signer();
        Instant now = p.clock().instant();
        Optional<CheckpointRef> cp = p.ledger().get().verified().map(CheckpointRef::of);
        Optional<String> failed = trail.write(records(operator, order.id(), units, cp));
        if (failed.isPresent()) {
            return new SealOutcome.Halted(failed.get());
        }
        List<Outbox.NewEntry> statements = new ArrayList<>();
        units.forEach(k -> statements.add(new Outbox.NewEntry(Outbox.Kind.DISPENSE, k.toString(),
                Statements.dispense(k, now, signer))));
        try {
            p.outbox().recordSeal(order.id(), operator, now, units, statements);
        } catch (OutboxException e) {
            return new SealOutcome.Halted(e.getMessage());
        }
        try {
            return new SealOutcome.Sealed(order.id(), units,
                    PackingSlip.write(p.settings().slips(), order, packed, operator, now, p.settings(), cp));
        } catch (IOException e) {
            return new SealOutcome.Halted("Order " + order.id() + " is sealed and recorded, but its packing slip "
                    + "could not be written: " + e.getMessage());
        }
    }

    // Every sealed serial goes on the audit log; a big order's list does not fit one field (8,192
    // characters, about 230 units), so it is recorded in parts, all in one transaction.
    private static List<AuditEntry> records(String op, String orderId, List<UnitKey> units, Optional<CheckpointRef> cp) {
        List<List<UnitKey>> parts = new ArrayList<>();
        List<UnitKey> part = new ArrayList<>();
        int length = 0;
        for (UnitKey u : units) {
            int more = u.toString().length() + 2;
            if (!part.isEmpty() && length + more > AuditEntry.MAX_FIELD - 100) {
                parts.add(part);
                part = new ArrayList<>();
                length = 0;
            }
            part.add(u);
            length += more;
        }
        parts.add(part);
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            entries.add(new AuditEntry(AuditKind.DISPENSE, op, orderId, "sealed with " + units.size() + " units"
                    + (parts.size() > 1 ? " (part " + (i + 1) + " of " + parts.size() + ")" : "") + ": " + parts.get(i), cp));
        }
        return entries;
    }
}

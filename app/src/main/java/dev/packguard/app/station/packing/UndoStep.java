package dev.packguard.app.station.packing;

import dev.packguard.app.station.audit.AuditEntry;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditTrail;
import dev.packguard.app.station.signing.StationSigner;
import dev.packguard.app.station.signing.StationSigning;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Undo of a sealed order's dispense for {@link PackingSession#undo}: the pharmacist's PIN
 * (throttled by {@link PharmacistPins}), the undo window (EU: 10 days, NMVS_NC_PCK_20), the UNDO
 * records on the audit log (refusals too) and the undo statements or cancellations in the outbox.
 * A failed write comes back as {@link UndoOutcome.Halted}; the session halts on it.
 */
final class UndoStep {
    private final PackingSession.Parts p;
    private final AuditTrail trail;

    UndoStep(PackingSession.Parts parts, AuditTrail trail) {
        this.p = parts;
        this.trail = trail;
    }

    /** Undoes {@code orderId} for {@code op} (on the log), authorised by {@code pharmacistId} with {@code pin}. */
    UndoOutcome undo(String op, String orderId, String pharmacistId, char[] pin, String reason) {
        PinCheck auth = p.pins().authorise(pharmacistId, pin, p.clock().instant());
        if (!(auth instanceof PinCheck.Accepted)) {
            return refused(op, orderId, auth.why());
        }
        Optional<Outbox.SealedOrder> sealed;
        try {
            sealed = p.outbox().sealed(orderId);
        } catch (OutboxException e) {
            return new UndoOutcome.Halted(e.getMessage());
        }
        if (sealed.isEmpty()) {
            return refused(op, orderId, "Order " + orderId + " was not sealed at this station.");
        }
        if (sealed.get().undoneAt().isPresent()) {
            return refused(op, orderId, "Order " + orderId + " was already undone at " + sealed.get().undoneAt().get() + ".");
        }
        Instant now = p.clock().instant();
        Duration since = Duration.between(sealed.get().sealedAt(), now);
        if (since.compareTo(p.settings().undoWindow()) > 0) {
            return refused(op, orderId, "Order " + orderId + " was sealed more than " + p.settings().undoWindow().toDays()
                    + " days ago; a dispense can no longer be undone (NMVS_NC_PCK_20).");
        }
        if (p.settings().signing().status() instanceof StationSigning.Status.Unavailable u) {
            return refused(op, orderId, u.why());
        }
        StationSigner signer = ((StationSigning.Status.Ready) p.settings().signing().status()).signer();
        Optional<String> failed = record(op, orderId, "undone, authorised by pharmacist " + pharmacistId
                + (reason.isBlank() ? "" : ": " + reason.strip()));
        if (failed.isPresent()) {
            return new UndoOutcome.Halted(failed.get());
        }
        Outbox.UndoRecord undone;
        try {
            undone = p.outbox().recordUndo(orderId, now, (unit, index) -> new Outbox.NewEntry(
                    Outbox.Kind.UNDO_DISPENSE, unit.toString(), Statements.undo(unit, now, index, signer)));
        } catch (OutboxException e) {
            return new UndoOutcome.Halted(e.getMessage());
        }
        failed = record(op, orderId, "ledger: " + undone.undone().size() + " undo statement(s) queued, "
                + undone.cancelled().size() + " dispense(s) cancelled before they were published "
                + undone.cancelled() + ", " + undone.neverLogged().size() + " never in the log");
        return failed.<UndoOutcome>map(UndoOutcome.Halted::new)
                .orElseGet(() -> new UndoOutcome.Undone(orderId, sealed.get().units(), pharmacistId));
    }

    private UndoOutcome refused(String op, String orderId, String why) {
        return record(op, orderId, "REFUSED: " + why).<UndoOutcome>map(UndoOutcome.Halted::new)
                .orElseGet(() -> new UndoOutcome.Refused(why));
    }

    private Optional<String> record(String op, String orderId, String detail) {
        return trail.write(List.of(new AuditEntry(AuditKind.UNDO, op, orderId, detail, Optional.empty())));
    }
}

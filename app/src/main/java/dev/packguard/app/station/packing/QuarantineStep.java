package dev.packguard.app.station.packing;

import dev.packguard.app.station.audit.AuditEntry;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditTrail;
import dev.packguard.app.station.signing.StationSigning;
import dev.packguard.ledger.statement.Suspicion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A blocked pack goes into the quarantine bin, once {@link PackingSession} has one waiting: the
 * QUARANTINE record on the audit log and, for a pack whose origin is in doubt, a signed
 * suspect-product report in the outbox with the verdict's evidence. A failed write comes back as
 * {@link ScanOutcome.Halted}; the session halts on it.
 */
final class QuarantineStep {
    private final PackingSession.Parts p;
    private final AuditTrail trail;

    QuarantineStep(PackingSession.Parts parts, AuditTrail trail) {
        this.p = parts;
        this.trail = trail;
    }

    /** Records that {@code operator} put {@code blocked} in the quarantine bin. */
    ScanOutcome confirm(String operator, ScanOutcome.Blocked blocked) {
        // Only findings about where the pack came from make it suspect product; an expired or
        // recalled pack, or one that could not be verified, goes to quarantine without a report.
        Optional<Suspicion> suspicion = blocked.verdict() instanceof UnitVerdict.Fail fail
                ? Statements.suspicion(fail.reasons()) : Optional.empty();
        StationSigning.Status signing = suspicion.isPresent() ? p.settings().signing().status()
                : new StationSigning.Status.Unavailable("no report due");
        boolean suspect = signing instanceof StationSigning.Status.Ready;
        String report = suspicion.isEmpty() ? ": " : suspect ? "; suspect-product report (" + suspicion.get().wireName()
                + ") filed: " : "; suspect-product report NOT filed (" + ((StationSigning.Status.Unavailable) signing).why() + "): ";
        Instant now = p.clock().instant();
        Optional<String> failed = trail.write(List.of(new AuditEntry(AuditKind.QUARANTINE, operator, blocked.key().toString(),
                blocked.block() + report + String.join(" ", blocked.reasons()), blocked.verdict().evidence().checkpoint())));
        if (failed.isPresent()) {
            return new ScanOutcome.Halted(failed.get());
        }
        if (suspect) {
            try {
                p.outbox().add(now, new Outbox.NewEntry(Outbox.Kind.SUSPECT_REPORT, blocked.key().toString(),
                        Statements.suspect(blocked.key(), now, suspicion.get(), ((StationSigning.Status.Ready) signing).signer())));
            } catch (OutboxException e) {
                return new ScanOutcome.Halted(e.getMessage());
            }
        }
        return new ScanOutcome.QuarantineConfirmed(blocked.key(), suspect);
    }
}

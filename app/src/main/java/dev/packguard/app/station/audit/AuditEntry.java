package dev.packguard.app.station.audit;

import dev.packguard.app.station.CheckpointRef;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing to record: who did what to which subject, against which checkpoint.
 *
 * @param kind what happened
 * @param operator who was signed in (badge id), never empty
 * @param subject what it was about: an order id, a unit as {@code gtin/serial}, a scan
 * @param detail plain-language detail: the verdict and reasons, the override reason, …
 * @param checkpoint the ledger checkpoint the decision was made against, when one was used
 */
public record AuditEntry(AuditKind kind, String operator, String subject, String detail,
        Optional<CheckpointRef> checkpoint) {

    /** Longest text a field may hold; longer scans are cut by the caller before they get here. */
    public static final int MAX_FIELD = 8192;

    public AuditEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (operator.isBlank()) {
            throw new IllegalArgumentException("operator is blank");
        }
        if (operator.length() > MAX_FIELD || subject.length() > MAX_FIELD || detail.length() > MAX_FIELD) {
            throw new IllegalArgumentException("audit field longer than " + MAX_FIELD + " characters");
        }
    }
}

package dev.packguard.app.station.audit;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit records to show (docs/AUDIT.md "Viewing the log"). Every part is optional; the
 * parts present must all match.
 *
 * @param kind only records of this kind
 * @param operator only records by this operator (badge or pharmacist id), exactly
 * @param text only records whose subject or detail contains this, ignoring ASCII case
 * @param from only records written on or after this day (UTC)
 * @param to only records written on or before this day (UTC)
 */
public record AuditFilter(Optional<AuditKind> kind, Optional<String> operator, Optional<String> text,
        Optional<LocalDate> from, Optional<LocalDate> to) {

    public AuditFilter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        operator = operator.map(String::strip).filter(s -> !s.isEmpty());
        text = text.map(String::strip).filter(s -> !s.isEmpty());
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("the date range ends (" + to.get() + ") before it starts (" + from.get() + ")");
        }
    }

    /** Every record. */
    public static AuditFilter all() {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}

package dev.packguard.ledger.rules;

import java.util.Objects;

/**
 * One finding of a rule: its code and a factual detail for the audit log (which entry, which
 * lot, which date). The pharmacist reads {@link ReasonCode#advice()}; auditors read both.
 *
 * @param detail names log indices, values and dates; never a patient or anything secret
 */
public record Reason(ReasonCode code, String detail) {
    /** Requires both. */
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    /** The code's advice followed by the detail, for one line of a report. */
    public String message() {
        return detail.isEmpty() ? code.advice() : code.advice() + " (" + detail + ")";
    }
}

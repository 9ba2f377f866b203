package dev.packguard.ledger.statement;

/**
 * Unwinds the field-by-field decoder at the first defect. It never leaves {@link EntryDecoder}:
 * callers only ever see {@link EntryDecoding.Invalid}. An exception (without a stack trace) keeps
 * the readers for eleven statement types linear instead of threading a result through each field.
 */
final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final EntryDecoding.Problem problem;
    final String pointer;

    Rejection(EntryDecoding.Problem problem, String pointer, String detail) {
        super(detail, null, false, false);
        this.problem = problem;
        this.pointer = pointer;
    }

    EntryDecoding.Invalid toInvalid() {
        return new EntryDecoding.Invalid(problem, pointer, getMessage());
    }
}

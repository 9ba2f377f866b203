package dev.packguard.app.station.audit;

/**
 * The audit log could not be read or written (disk full, file locked, database damaged). Work
 * must stop when this happens: a decision that is not recorded must not take effect.
 */
public final class AuditException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }

    public AuditException(String message) {
        super(message);
    }
}

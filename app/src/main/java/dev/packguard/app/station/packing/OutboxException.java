package dev.packguard.app.station.packing;

/** The outbox could not be read or written; the workflow stops and the operator is told. */
public final class OutboxException extends Exception {
    private static final long serialVersionUID = 1L;

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}

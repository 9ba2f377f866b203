package dev.packguard.app.station.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a workflow (packing, the returns bench) writes to the audit log. A scan's SCAN record is
 * held until the record of its outcome and both go in one transaction: one fsync, which is most
 * of a scan's time on a station's disk (docs/PERFORMANCE.md "Station"); a step that fails
 * unexpectedly records neither. A write that fails says why work must stop; the workflow halts.
 * One caller at a time, like the sessions that own it.
 */
public final class AuditTrail {
    private final AuditLog log;
    private Optional<AuditEntry> heldScan = Optional.empty();

    public AuditTrail(AuditLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Runs {@code step} with {@code scan} held for the step's first record; dropped if the step records nothing. */
    public <T> T withScan(AuditEntry scan, Supplier<T> step) {
        heldScan = Optional.of(scan);
        try {
            return step.get();
        } finally {
            heldScan = Optional.empty();
        }
    }

    /**
     * Writes {@code entries}, after a held scan, in one transaction. Empty when written; else what
     * to tell the operator (nothing more can be recorded, so work stops).
     */
    public Optional<String> write(List<AuditEntry> entries) {
        List<AuditEntry> all = new ArrayList<>(entries.size() + 1);
        heldScan.ifPresent(all::add);
        heldScan = Optional.empty();
        all.addAll(entries);
        try {
            log.appendAll(all);
            return Optional.empty();
        } catch (AuditException e) {
            return Optional.of(e.getMessage() + " Work has stopped: nothing more can be recorded.");
        }
    }

    /**
     * Why no work may start on {@code log}: it is tampered with (naming the altered record) or
     * cannot be read. Empty when its chain checks out (docs/AUDIT.md).
     */
    public static Optional<String> untrusted(AuditLog log) {
        try {
            if (log.check() instanceof AuditCheck.Tampered t) {
                return Optional.of(t.describe() + " Work is blocked until the pharmacist in charge has investigated.");
            }
            return Optional.empty();
        } catch (AuditException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A raw scan as the audit log shows it: GS made visible, at most 200 characters. */
    public static String shown(String raw) {
        String s = raw.replace("\u001d", "<GS>");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}

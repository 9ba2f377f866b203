package dev.packguard.app.station.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored audit record: its place in the chain, when it was written, what it says, and the
 * chain hashes ({@link AuditChain#link}).
 *
 * @param seq 1 for the first record, then without gaps
 * @param time when it was written, to the millisecond
 * @param entry what it records
 * @param prevHex the previous record's hash (64 zeros before the first), lowercase hex
 * @param hashHex this record's hash, lowercase hex
 */
public record AuditRecord(long seq, Instant time, AuditEntry entry, String prevHex, String hashHex) {

    public AuditRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(prevHex, "prevHex");
        Objects.requireNonNull(hashHex, "hashHex");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be >= 1, was " + seq);
        }
    }
}

package dev.packguard.ledger.mirror;

/**
 * The mirror's SQLite file could not be read or written (disk full, read-only, corrupt,
 * locked by another process). The message names the file and what to do; a failed write has
 * been rolled back, so the verified state is what it was before.
 */
public final class MirrorStoreException extends Exception {
    private final boolean diskFull;

    MirrorStoreException(String message, Throwable cause, boolean diskFull) {
        super(message, cause);
        this.diskFull = diskFull;
    }

    /** True when the write failed because the disk (or its quota) is full. */
    public boolean diskFull() {
        return diskFull;
    }
}

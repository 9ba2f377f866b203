package dev.packguard.app.station.packing;

/**
 * Where a station keeps its {@link PinLock}, so that a restart does not clear a lock or the
 * count of wrong PINs (the station's own is {@link Outbox#pinLocks()}). One writer: the
 * {@link PharmacistPins} of the station.
 */
public interface PinLockStore {

    /** The store could not be read or written; {@code getMessage()} says what and where. */
    final class Unavailable extends Exception {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The last state saved, or {@link PinLock#NONE} when none was. */
    PinLock load() throws Unavailable;

    /** Saves {@code lock} durably before returning. */
    void save(PinLock lock) throws Unavailable;

    /** A store in memory only, gone with the process: for the CLI and for pins checked outside a station. */
    static PinLockStore inMemory() {
        return new PinLockStore() {
            private PinLock lock = PinLock.NONE;

            @Override
            public synchronized PinLock load() {
                return lock;
            }

            @Override
            public synchronized void save(PinLock next) {
                lock = java.util.Objects.requireNonNull(next, "next");
            }
        };
    }
}

package dev.packguard.app.station;

import java.util.function.Consumer;

/** Where screens and workflows learn the ledger's state: {@link LedgerMonitor} in the station. */
public interface LedgerFeed {
    /** The latest state. */
    LedgerState current();

    /** Adds a listener and calls it at once with the current state; later calls may come on any thread. */
    void addListener(Consumer<LedgerState> listener);

    /** Removes a listener added before. */
    void removeListener(Consumer<LedgerState> listener);
}

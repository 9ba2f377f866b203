package dev.packguard.app.gui;

import dev.packguard.app.station.StationServices;
import dev.packguard.app.station.StationSetup;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorStoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Starts a configured station: reads the configuration and its policy, opens the verified
 * mirror (rebuilding its index when a new version needs it: minutes for millions of entries)
 * and starts the ledger's background sync. All of it is blocking I/O, so it runs on a worker
 * thread while the window already shows "Preparing the ledger…" with the rebuild's progress.
 */
public final class StationStartup {
    private StationStartup() {
    }

    /** The outcome of {@link #start}. */
    public sealed interface Result {
    }

    /** The station's services run; {@code title} names the station and its pharmacy for the header. */
    public record Started(StationServices services, String title) implements Result {
        public Started {
            Objects.requireNonNull(services, "services");
            Objects.requireNonNull(title, "title");
        }
    }

    /** Why the station cannot start, ready to show to whoever can fix it. */
    public record Problem(String message) implements Result {
        public Problem {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Starts the station configured by {@code config}. {@code progress} receives a line for the
     * operator while an index rebuild runs, on the calling thread, at most once per whole percent.
     * Blocking: call off the FX thread. Never throws for a bad configuration or mirror.
     */
    public static Result start(Path config, Clock clock, Consumer<String> progress) {
        StationSetup.Result setup = StationSetup.load(config);
        if (setup instanceof StationSetup.Problem p) {
            return new Problem(p.message());
        }
        StationSetup.Ready ready = (StationSetup.Ready) setup;
        try {
            // The window asks for the first sync once its screen takes scans (StationServices.syncSoon).
            StationServices services = StationServices.start(ready.config(), ready.policy(), clock,
                    rebuildProgress(progress), StationServices.SYNC_EVERY);
            return new Started(services, ready.config().station().name() + " · " + ready.config().station().pharmacyName());
        } catch (MirrorStoreException e) {
            return new Problem(e.getMessage());
        }
    }

    // A rebuild reports after every bundle (16,000 times for 4,000,000 entries); the operator needs a percent.
    static MirrorStore.IndexProgress rebuildProgress(Consumer<String> progress) {
        long[] shown = {-1};
        return (done, total) -> {
            long percent = total == 0 ? 100 : done * 100 / total;
            if (percent != shown[0]) {
                shown[0] = percent;
                progress.accept(String.format(java.util.Locale.ROOT,
                        "Preparing the ledger\u2026 rebuilding the index after an update: %,d of %,d entries (%d %%)",
                        done, total, percent));
            }
        };
    }
}

package dev.packguard.app.gui;

import dev.packguard.app.demo.DemoStation;
import dev.packguard.app.gui.packing.Sounds;
import dev.packguard.app.station.StationServices;
import dev.packguard.app.station.packing.Order;
import dev.packguard.app.station.packing.PackingStation;
import dev.packguard.app.station.publish.NodeClient;
import dev.packguard.app.station.publish.Publisher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Everything a configured station opens before its screens can show, in one blocking step: the
 * services ({@link StationStartup}: configuration, policy, the verified mirror, the ledger's
 * sync), then the packing station (audit chain check, outbox, orders, the rules' verifier), the
 * sound clips and the publisher. Run on a worker thread, or (see {@link EarlyStart}) on a thread
 * of its own before the JavaFX toolkit has even started. Nothing here touches JavaFX.
 */
final class StationOpening {
    private StationOpening() {
    }

    /** The opened station: its start-up result, and when the services run, its packing side. */
    record Opened(StationStartup.Result startup, Optional<Packing> packing) {
        Opened {
            Objects.requireNonNull(startup, "startup");
            Objects.requireNonNull(packing, "packing");
        }

        /** Closes whatever was opened, as far as it can; for an opening nobody took (the window closed first). */
        void close() {
            try {
                if (packing.isPresent() && packing.get().station().isPresent()) {
                    PackingParts p = packing.get().station().get();
                    p.publisher().close();
                    p.station().close();
                }
                if (startup instanceof StationStartup.Started s) {
                    s.services().close();
                }
            } catch (Exception e) {
                // The process is ending; the files' own guarantees (SQLite transactions) keep them whole.
            }
        }
    }

    /**
     * The packing side: the opened station or why it cannot start. {@code warmUp} completes with
     * the rules' warm-up, to be run once the screen takes scans.
     */
    record Packing(Optional<PackingParts> station, Optional<String> problem, CompletableFuture<Runnable> warmUp) {
        Packing {
            Objects.requireNonNull(station, "station");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(warmUp, "warmUp");
            if (station.isPresent() == problem.isPresent()) {
                throw new IllegalArgumentException("a packing side is either opened or has a problem");
            }
        }
    }

    /** An opened packing station with its sounds and publisher; {@code demoOrder} for {@code packguard demo}. */
    record PackingParts(PackingStation station, Sounds sounds, Publisher publisher, Optional<Order> demoOrder) {
        PackingParts {
            Objects.requireNonNull(station, "station");
            Objects.requireNonNull(sounds, "sounds");
            Objects.requireNonNull(publisher, "publisher");
            Objects.requireNonNull(demoOrder, "demoOrder");
        }
    }

    /**
     * Opens the station configured by {@code config}; {@code progress} hears the index rebuild's
     * lines. With {@code demo}, also finds the first demo order. Blocking; never throws for a bad
     * configuration, mirror or station file: those are the result's problem.
     */
    static Opened open(Path config, boolean demo, Clock clock, Consumer<String> progress) {
        StationStartup.Result startup = StationStartup.start(config, clock, progress);
        if (!(startup instanceof StationStartup.Started started)) {
            return new Opened(startup, Optional.empty());
        }
        return new Opened(startup, Optional.of(packing(started.services(), demo, clock)));
    }

    private static Packing packing(StationServices s, boolean demo, Clock clock) {
        CompletableFuture<Runnable> warmUp = new CompletableFuture<>();
        try {
            PackingStation packing = PackingStation.open(s.config(), s.monitor(),
                    PackingStation.verifierFor(s.config(), s.store(), clock, warmUp::complete), clock);
            Sounds sounds = s.config().sounds() ? Sounds.clips() : Sounds.off();
            // The first round waits for the rules' warm-up (which nudges it), or EVERY when there is none.
            Publisher publisher = Publisher.start(packing.outbox(), new NodeClient(s.config().ledger().url(),
                    s.config().ledger().timeout()), packing.signing(), clock, Publisher.EVERY);
            Optional<Order> first = demo ? packing.queue().stream()
                    .filter(o -> o.id().equals(DemoStation.FIRST_ORDER)).findFirst() : Optional.empty();
            return new Packing(Optional.of(new PackingParts(packing, sounds, publisher, first)), Optional.empty(), warmUp);
        } catch (Exception e) {
            return new Packing(Optional.empty(), Optional.of("The packing station cannot start: " + e.getMessage()),
                    warmUp);
        }
    }
}

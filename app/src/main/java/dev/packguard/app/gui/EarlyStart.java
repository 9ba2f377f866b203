package dev.packguard.app.gui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The station's opening ({@link StationOpening}) begun by the launcher before the JavaFX toolkit
 * starts, on a thread of its own, so that opening the mirror, checking the audit chain and loading
 * the trust anchor overlap with the toolkit's start and the first window instead of following
 * them (docs/PERFORMANCE.md "Station"). The window takes the opening for its configuration and
 * waits for it where it would otherwise have opened the station itself; an opening nobody takes
 * (the window closed first, or opened another configuration) is closed.
 */
final class EarlyStart {
    private static final AtomicReference<EarlyStart> PENDING = new AtomicReference<>();

    private final Path config;
    private final boolean demo;
    private final CompletableFuture<StationOpening.Opened> opened = new CompletableFuture<>();
    // The index rebuild's lines: kept until the window's "Preparing the ledger…" line listens.
    private final Object progressLock = new Object();
    private Optional<String> lastProgress = Optional.empty();
    private Optional<Consumer<String>> listener = Optional.empty();

    private EarlyStart(Path config, boolean demo) {
        this.config = config;
        this.demo = demo;
    }

    /** Begins opening the station on {@code config} (a daemon thread); replaces an opening not yet taken. */
    static void begin(Path config, boolean demo, Clock clock) {
        EarlyStart early = new EarlyStart(config.toAbsolutePath().normalize(), demo);
        Thread t = new Thread(() -> {
            try {
                early.opened.complete(StationOpening.open(early.config, demo, clock, early::progress));
            } catch (RuntimeException | Error e) {
                early.opened.completeExceptionally(e);
            }
        }, "packguard-early-start");
        t.setDaemon(true);
        t.start();
        EarlyStart previous = PENDING.getAndSet(early);
        if (previous != null) {
            previous.discard();
        }
    }

    /** True when an opening for {@code config} and {@code demo} was begun and nobody took it yet. */
    static boolean begun(Path config, boolean demo) {
        EarlyStart early = PENDING.get();
        return early != null && early.config.equals(config.toAbsolutePath().normalize()) && early.demo == demo;
    }

    /**
     * The opening begun for {@code config} and {@code demo}, if there is one nobody took yet;
     * {@code progress} hears its index rebuild's lines from now on (the latest one at once).
     */
    static Optional<CompletableFuture<StationOpening.Opened>> take(Path config, boolean demo, Consumer<String> progress) {
        EarlyStart early = PENDING.get();
        if (early == null || !early.config.equals(config.toAbsolutePath().normalize()) || early.demo != demo
                || !PENDING.compareAndSet(early, null)) {
            return Optional.empty();
        }
        synchronized (early.progressLock) {
            early.listener = Optional.of(progress);
            early.lastProgress.ifPresent(progress);
        }
        return Optional.of(early.opened);
    }

    /** Closes an opening nobody took (the station window stops). */
    static void discardPending() {
        EarlyStart early = PENDING.getAndSet(null);
        if (early != null) {
            early.discard();
        }
    }

    private void discard() {
        opened.thenAccept(StationOpening.Opened::close);
    }

    private void progress(String line) {
        synchronized (progressLock) {
            lastProgress = Optional.of(line);
            listener.ifPresent(l -> l.accept(line));
        }
    }
}

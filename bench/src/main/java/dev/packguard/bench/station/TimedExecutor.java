package dev.packguard.bench.station;

import dev.packguard.app.gui.TaskExecutor;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The station's worker ({@link TaskExecutor#background}) with a stopwatch: a task submitted
 * while the executor is {@linkplain #arm armed} completes its future with the time its
 * continuation returned on the FX thread, i.e. when the screen's properties show its result,
 * and with what {@code probe} read from the screen at that moment. Tasks submitted while not
 * armed (order list reloads, the start-up snapshot) run untimed.
 */
final class TimedExecutor implements TaskExecutor {
    /** When a continuation finished ({@link System#nanoTime()}) and what the screen showed then. */
    record Shown(long nanos, String screen) {
    }

    private final TaskExecutor inner;
    private volatile Supplier<String> probe = () -> "";
    private CompletableFuture<Shown> armed;

    TimedExecutor(TaskExecutor inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** What to read from the screen when a timed continuation returns (runs on the FX thread). */
    void probe(Supplier<String> probe) {
        this.probe = probe;
    }

    /** The next task submitted (on this thread, before {@link #disarm}) completes {@code done}. FX thread. */
    void arm(CompletableFuture<Shown> done) {
        armed = done;
    }

    /** Stops timing submissions; an armed future that no task took stays incomplete. FX thread. */
    void disarm() {
        armed = null;
    }

    @Override
    public <T> void run(Supplier<T> work, Consumer<T> done) {
        CompletableFuture<Shown> timed = armed;
        armed = null;
        inner.run(work, result -> {
            done.accept(result);
            if (timed != null) {
                timed.complete(new Shown(System.nanoTime(), probe.get()));
            }
        });
    }

    @Override
    public void close() {
        inner.close();
    }
}

package dev.packguard.app.gui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Runs blocking work (SQLite, verification, files) off the FX thread and hands the result back
 * on it. Tests use {@link #sameThread()}, so a click's whole effect has happened when the click
 * returns.
 */
public interface TaskExecutor extends AutoCloseable {

    /** Runs {@code work} in the background, then {@code done} with its result on the FX thread, in submission order. */
    <T> void run(Supplier<T> work, Consumer<T> done);

    @Override
    default void close() {
    }

    /** Runs work and its continuation at once on the calling thread. */
    static TaskExecutor sameThread() {
        return new TaskExecutor() {
            @Override
            public <T> void run(Supplier<T> work, Consumer<T> done) {
                done.accept(work.get());
            }
        };
    }

    /** One daemon worker thread named {@code name}; results arrive through {@link Platform#runLater}. */
    static TaskExecutor background(String name) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        return new TaskExecutor() {
            @Override
            public <T> void run(Supplier<T> work, Consumer<T> done) {
                worker.execute(() -> {
                    T result = work.get();
                    Platform.runLater(() -> done.accept(result));
                });
            }

            @Override
            public void close() {
                worker.shutdown();
            }
        };
    }
}

package dev.packguard.app.gui.input;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The clock a test hands to {@link WedgeFilter}: every reading is one "key interval" after the
 * last. Keys still travel the real JavaFX event path from the robot; only their timing is the
 * test's, so a loaded build machine cannot turn a scanner burst into typing.
 */
public final class KeyPace implements LongSupplier {
    private final AtomicLong now = new AtomicLong();
    private volatile long stepNanos = Duration.ofMillis(3).toNanos();

    /** After a pause, keys arrive like a scanner's: 3 ms apart. */
    public void scanner() {
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        stepNanos = Duration.ofMillis(3).toNanos();
    }

    /** After a pause, keys arrive like a person's: 300 ms apart. */
    public void person() {
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        stepNanos = Duration.ofMillis(300).toNanos();
    }

    @Override
    public long getAsLong() {
        return now.addAndGet(stepNanos);
    }
}

package dev.packguard.app.station.packing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of PIN entry at a station ({@link PharmacistPins}): wrong PINs in a row since the
 * last right one or the last lock, and the end of the lock while one is in force.
 */
public record PinLock(int failures, Optional<Instant> lockedUntil) {
    /** No wrong PIN, no lock. */
    public static final PinLock NONE = new PinLock(0, Optional.empty());

    public PinLock {
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        if (failures < 0) {
            throw new IllegalArgumentException("failures must be >= 0, not " + failures);
        }
    }

    /** One more wrong PIN at {@code now}: the {@code max}th in a row locks PIN entry until {@code now + lockout}. */
    PinLock failed(Instant now, int max, Duration lockout) {
        int count = failures + 1;
        return new PinLock(count, count >= max ? Optional.of(now.plus(lockout)) : Optional.empty());
    }
}

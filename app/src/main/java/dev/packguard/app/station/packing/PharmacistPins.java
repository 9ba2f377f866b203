package dev.packguard.app.station.packing;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The pharmacists who may authorise privileged actions (undo, overrides), each with a PIN kept
 * only as a salted PBKDF2-HMAC-SHA256 hash (RFC 8018 §5.2). The PIN is compared in constant time.
 * {@link #authorise} throttles guessing: after {@link #MAX_FAILURES} wrong PINs in a row PIN
 * entry is locked at this station for {@link #LOCKOUT}. The count and the lock are kept in a
 * {@link PinLockStore}: at a station in its outbox database, so a restart clears neither (in
 * memory unless {@link #lockedIn} says otherwise). Thread-safe.
 */
public final class PharmacistPins {
    /** Iterations for new PINs: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Wrong PINs in a row that lock PIN entry. */
    public static final int MAX_FAILURES = 5;
    /** How long PIN entry stays locked. */
    public static final Duration LOCKOUT = Duration.ofMinutes(5);

    /** One pharmacist's stored PIN hash. */
    public record Pharmacist(String id, String name, byte[] salt, int iterations, byte[] hash) {
        public Pharmacist {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            salt = salt.clone();
            hash = hash.clone();
            if (salt.length < 16 || hash.length != 32 || iterations < 1) {
                throw new IllegalArgumentException("a PIN hash needs a 16-byte salt, a 32-byte hash and iterations >= 1");
            }
        }
    }

    private final Map<String, Pharmacist> byId = new HashMap<>();
    private final Optional<String> whyNone;
    // Per station, not per id: counting per id would let a guesser rotate through the ids.
    private final PinLockStore lock;

    public PharmacistPins(List<Pharmacist> pharmacists) {
        this(pharmacists, "No pharmacists are set up at this station.");
    }

    /** {@code whyNone} is what {@link #authorise} answers when the list is empty (which setting or file to fix). */
    public PharmacistPins(List<Pharmacist> pharmacists, String whyNone) {
        this(pharmacists, whyNone, PinLockStore.inMemory());
    }

    private PharmacistPins(List<Pharmacist> pharmacists, String whyNone, PinLockStore lock) {
        for (Pharmacist p : pharmacists) {
            if (byId.put(p.id(), p) != null) {
                throw new IllegalArgumentException("pharmacist " + p.id() + " is listed twice");
            }
        }
        this.whyNone = pharmacists.isEmpty() ? Optional.of(Objects.requireNonNull(whyNone, "whyNone")) : Optional.empty();
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * The same pharmacists, counting wrong PINs and keeping the lock in {@code store} (the
     * station's outbox database), where they outlive this object and a restart. The undo desk and
     * the stale-ledger override share one such object, so one lock holds for both.
     */
    public PharmacistPins lockedIn(PinLockStore store) {
        return new PharmacistPins(all(), whyNone.orElse(""), store);
    }

    /** Nobody at all: {@link #authorise} answers {@code why}. */
    public static PharmacistPins none(String why) {
        return new PharmacistPins(List.of(), why);
    }

    /**
     * Whether {@code id} with {@code pin} may authorise at {@code now}, counting wrong PINs: the
     * {@link #MAX_FAILURES}th wrong one in a row locks PIN entry for {@link #LOCKOUT}, during which
     * no PIN is checked at all. A right PIN resets the count. When the count cannot be read or
     * recorded no PIN is accepted ({@link PinCheck.NotRecorded}). Blocking (PBKDF2, the store's
     * write): call off the FX thread.
     */
    public synchronized PinCheck authorise(String id, char[] pin, Instant now) {
        if (whyNone.isPresent()) {
            return new PinCheck.NoPharmacists(whyNone.get());
        }
        try {
            PinLock stored = lock.load();
            if (stored.lockedUntil().isPresent() && now.isBefore(stored.lockedUntil().get())) {
                return new PinCheck.LockedOut(stored.lockedUntil().get());
            }
            // A lock that has run out leaves a fresh count.
            PinLock before = stored.lockedUntil().isPresent() ? PinLock.NONE : stored;
            Optional<Pharmacist> p = check(id, pin);
            PinLock after = p.isPresent() ? PinLock.NONE : before.failed(now, MAX_FAILURES, LOCKOUT);
            if (!after.equals(stored)) {
                lock.save(after);
            }
            if (p.isPresent()) {
                return new PinCheck.Accepted(p.get());
            }
            return after.lockedUntil().<PinCheck>map(PinCheck.LockedOut::new)
                    .orElseGet(() -> new PinCheck.Rejected(MAX_FAILURES - after.failures()));
        } catch (PinLockStore.Unavailable e) {
            return new PinCheck.NotRecorded(e.getMessage());
        }
    }

    /** Everyone who may authorise, by id. */
    public synchronized List<Pharmacist> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(Pharmacist::id)).toList();
    }

    /** A stored record for {@code pin} with a fresh random salt. */
    public static Pharmacist enrol(String id, String name, char[] pin, int iterations) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return new Pharmacist(id, name, salt, iterations, derive(pin, salt, iterations));
    }

    /** The pharmacist {@code id} when {@code pin} is theirs; empty for an unknown id or a wrong PIN. */
    public Optional<Pharmacist> check(String id, char[] pin) {
        Pharmacist p = byId.get(id);
        if (p == null) {
            return Optional.empty();
        }
        byte[] got = derive(pin, p.salt(), p.iterations());
        return MessageDigest.isEqual(got, p.hash()) ? Optional.of(p) : Optional.empty();
    }

    /** True when nobody can authorise (no pharmacists configured). */
    public boolean isEmpty() {
        return byId.isEmpty();
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "PharmacistPins" + Arrays.toString(byId.keySet().toArray());
    }
}

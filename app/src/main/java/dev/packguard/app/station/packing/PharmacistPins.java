package dev.packguard.app.station.packing;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
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
 */
public final class PharmacistPins {
    /** Iterations for new PINs: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

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

    public PharmacistPins(List<Pharmacist> pharmacists) {
        for (Pharmacist p : pharmacists) {
            if (byId.put(p.id(), p) != null) {
                throw new IllegalArgumentException("pharmacist " + p.id() + " is listed twice");
            }
        }
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

package dev.packguard.node.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The demo pharmacy's pharmacist, written as {@code pharmacists.json} in the station's
 * pharmacists file format 1 (docs/CONFIGURATION.md "Pharmacists"; the app reads it with
 * {@code PharmacistsFile}, which this module cannot depend on). The PIN is public, in
 * docs/DEMO.md: the demo is for trying undo and the stale-ledger override.
 */
public final class DemoPharmacist {
    /** The pharmacists file inside a world. */
    public static final String FILE = "pharmacists.json";
    /** What the demo pharmacist types as id. */
    public static final String ID = "pharm-demo";
    /** The demo pharmacist's name. */
    public static final String NAME = "Demo Pharmacist";
    /** The demo PIN (docs/DEMO.md). */
    public static final String PIN = "2468";
    /** The app's default for new PINs: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 600_000;

    private DemoPharmacist() {
    }

    /**
     * The file's JSON. The salt is derived from the seed, not random, so a world stays
     * byte-identical for the same seed and day.
     */
    static ObjectNode json(long seed) {
        byte[] salt = Arrays.copyOf(sha256(("packguard demo pharmacist salt " + seed).getBytes(StandardCharsets.UTF_8)), 16);
        ObjectNode root = WorldFiles.JSON.createObjectNode();
        root.put("format", 1);
        root.putArray("pharmacists").addObject().put("id", ID).put("name", NAME)
                .put("salt", Base64.getEncoder().encodeToString(salt)).put("iterations", ITERATIONS)
                .put("hash", Base64.getEncoder().encodeToString(pbkdf2(PIN.toCharArray(), salt, ITERATIONS)));
        return root;
    }

    // PBKDF2-HMAC-SHA256 with a 32-byte output (RFC 8018 §5.2), as the station checks it.
    private static byte[] pbkdf2(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

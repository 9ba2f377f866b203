package dev.packguard.node.demo;

import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Gtin;
import dev.packguard.scanner.CheckDigits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Identifier arithmetic for the demo world: GS1 check digits, PZN-backed and NDC-backed GTINs,
 * randomised serials, and the seed derivations that make a world reproducible.
 */
final class DemoIds {
    /** Serial alphabet: upper-case letters and digits without the look-alikes 0/O and 1/I. */
    private static final String SERIAL_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private DemoIds() {
    }

    /** A GLN from its first 12 digits plus the GS1 mod-10 check digit (GS1 GenSpecs §7.9.1). */
    static Gln gln(String first12) {
        return new Gln(withCheckDigit(first12, 12));
    }

    /** A GTIN-14 from its first 13 digits plus the check digit (GS1 GenSpecs §7.9.1). */
    static Gtin gtin(String first13) {
        return new Gtin(withCheckDigit(first13, 13));
    }

    /**
     * The GTIN-14 that carries a German PZN: indicator 0, IFA's NTIN prefix 4150, the 8-digit PZN,
     * check digit (IFA "PZN-based NTIN" coding rules).
     */
    static Gtin pznGtin(String pzn) {
        if (!CheckDigits.isValidPzn(pzn)) {
            throw new IllegalArgumentException("not a valid PZN: " + pzn);
        }
        return gtin("04150" + pzn);
    }

    /** A PZN: 7 digits plus the mod-11 check digit over weights 1..7; empty when the remainder is 10 (never issued). */
    static Optional<String> pzn(String first7) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (first7.charAt(i) - '0') * (i + 1);
        }
        int check = sum % 11;
        return check == 10 ? Optional.empty() : Optional.of(first7 + check);
    }

    /** The GTIN-14 of a US NDC (10 digits): indicator 0, prefix 03, the NDC, check digit (GS1 US / FDA guidance). */
    static Gtin ndcGtin(String ndc10) {
        if (ndc10.length() != 10 || !ndc10.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("an NDC has 10 digits: " + ndc10);
        }
        return gtin("003" + ndc10);
    }

    /**
     * A randomised serial of {@code length} characters from a 32-letter alphabet: 12 characters
     * carry 60 bits, far beyond EU 2016/161 Art. 4's "guessing probability below 1 in 10,000".
     */
    static String serial(SplittableRandom random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(SERIAL_ALPHABET.charAt(random.nextInt(SERIAL_ALPHABET.length())));
        }
        return b.toString();
    }

    /** 32 bytes derived from the world's seed and a name: SHA-256("packguard/demo/v1/" seed "/" name). */
    static byte[] keySeed(long seed, String name) {
        return sha256("packguard/demo/v1/" + seed + "/" + name);
    }

    /** A 64-bit stream seed derived like {@link #keySeed}, for one part of the world. */
    static long streamSeed(long seed, String name) {
        byte[] h = sha256("packguard/demo/v1/stream/" + seed + "/" + name);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xFF);
        }
        return v;
    }

    private static String withCheckDigit(String body, int length) {
        if (body.length() != length || !body.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("expected " + length + " digits: " + body);
        }
        return body + CheckDigits.gs1Mod10(body, length);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }
}

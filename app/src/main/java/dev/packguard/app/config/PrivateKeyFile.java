package dev.packguard.app.config;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks that a file is what {@code station.signingKey} must be: one unencrypted PKCS#8 private
 * key (RFC 5208 / RFC 5958 {@code OneAsymmetricKey}) in PEM form, label {@code PRIVATE KEY}
 * (RFC 7468 §10), for Ed25519 (RFC 8410 §7) or ECDSA on P-256. Nothing else is accepted, so a
 * misplaced certificate or an encrypted key is reported at setup, not at the first seal.
 */
public final class PrivateKeyFile {
    private static final int MAX_BYTES = 64 * 1024;
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    // The order n of P-256, SEC 2 v2 §2.4.2 (= FIPS 186-4 D.1.2.3): identifies the curve.
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private PrivateKeyFile() {
    }

    /** Empty when {@code file} holds a usable key; otherwise a sentence saying what is wrong with it. */
    public static Optional<String> problem(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return Optional.of(file + " is larger than " + MAX_BYTES / 1024 + " KiB; it is not a private key file");
            }
            text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return Optional.of("cannot read " + file + ": " + e.getMessage());
        }
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            return Optional.of(file + " is an encrypted key; the station needs the key unencrypted "
                    + "(protect the file with the operating system's permissions)");
        }
        if (text.contains("-----BEGIN EC PRIVATE KEY-----")) {
            return Optional.of(file + " is an SEC 1 \"EC PRIVATE KEY\", not PKCS#8; convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt");
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin || text.indexOf(BEGIN, begin + 1) >= 0) {
            return Optional.of(file + " is not a PEM file with one \"" + BEGIN + "\" block");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end).strip());
        } catch (IllegalArgumentException e) {
            return Optional.of(file + ": the PRIVATE KEY block is not valid Base64");
        }
        return algorithm(der).isPresent() ? Optional.empty()
                : Optional.of(file + " is not an Ed25519 or P-256 PKCS#8 private key");
    }

    // The JDK's own decoders: PKCS#8 parsing with no dependency beyond Java 17 (Ed25519 since 15).
    private static Optional<String> algorithm(byte[] der) {
        try {
            KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return Optional.of("Ed25519");
        } catch (GeneralSecurityException | RuntimeException notEd25519) {
            // try ECDSA next
        }
        try {
            if (KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof ECPrivateKey ec
                    && ec.getParams().getOrder().equals(P256_ORDER)) {
                return Optional.of("ES256");
            }
        } catch (GeneralSecurityException | RuntimeException notEc) {
            // neither
        }
        return Optional.empty();
    }
}

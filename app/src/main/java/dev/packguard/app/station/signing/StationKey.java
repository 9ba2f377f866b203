package dev.packguard.app.station.signing;

import dev.packguard.ledger.statement.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the pharmacy's statement-signing key ({@code station.signingKey}, docs/CONFIGURATION.md):
 * one PEM {@code PRIVATE KEY} block (RFC 7468 §10, PKCS#8 / RFC 5208), Ed25519 or ECDSA P-256.
 * Encrypted keys and other key types are refused with a sentence naming the file.
 */
public final class StationKey {
    private static final int MAX_BYTES = 16 * 1024;
    // RFC 7468 §3 "strict" textual encoding, which is what OpenSSL and the JDK write.
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----\\r?\\n([A-Za-z0-9+/=\\r\\n]+?)\\r?\\n?-----END PRIVATE KEY-----");

    private StationKey() {
    }

    /** What reading the file gave. */
    public sealed interface Read {
        /** The key. */
        record Loaded(SigningKey key, Path file) implements Read {
            public Loaded {
                Objects.requireNonNull(key, "key");
                Objects.requireNonNull(file, "file");
            }
        }

        /** The file cannot be used, and {@code why} says what to do. */
        record Unusable(String why) implements Read {
            public Unusable {
                Objects.requireNonNull(why, "why");
            }
        }
    }

    /** Reads {@code file}. */
    public static Read load(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return unusable(file, "it is larger than " + MAX_BYTES + " bytes, so it is not a key file");
            }
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return new Read.Unusable("Cannot read the signing key " + file + " (station.signingKey): " + e.getMessage());
        }
        if (text.contains("ENCRYPTED PRIVATE KEY")) {
            return unusable(file, "it is encrypted; the station needs the unencrypted PKCS#8 form "
                    + "(openssl pkcs8 -topk8 -nocrypt)");
        }
        Matcher m = PEM.matcher(text);
        if (!m.find()) {
            return unusable(file, "it holds no PEM \"PRIVATE KEY\" block (PKCS#8)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            return unusable(file, "its PEM block is not valid base64");
        }
        return SigningKey.fromPkcs8(der).<Read>map(k -> new Read.Loaded(k, file))
                .orElseGet(() -> unusable(file, "it is not an Ed25519 or ECDSA P-256 private key"));
    }

    private static Read unusable(Path file, String why) {
        return new Read.Unusable("The signing key " + file + " (station.signingKey) cannot be used: " + why + ".");
    }
}

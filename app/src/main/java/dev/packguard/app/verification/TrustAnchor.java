package dev.packguard.app.verification;

import dev.packguard.ledger.pki.ConsortiumRoot;
import dev.packguard.ledger.pki.Parse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the consortium root certificate a station trusts ({@code ledger.trustAnchor},
 * docs/CONFIGURATION.md): DER, or one PEM {@code CERTIFICATE} block (RFC 7468 §5).
 */
public final class TrustAnchor {
    private static final int MAX_BYTES = 64 * 1024;
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private TrustAnchor() {}

    /** The root, or a sentence saying why the file cannot anchor trust. */
    public static Parse<ConsortiumRoot> load(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return new Parse.Unusable<>("the trust anchor " + file + " is larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Parse.Unusable<>("cannot read the trust anchor " + file + ": " + e.getMessage());
        }
        Optional<byte[]> der = pem(bytes);
        Parse<ConsortiumRoot> root = ConsortiumRoot.parse(der.orElse(bytes));
        if (root instanceof Parse.Unusable<ConsortiumRoot> u) {
            return new Parse.Unusable<>("the trust anchor " + file + " is not a usable consortium root certificate: " + u.reason());
        }
        return root;
    }

    private static Optional<byte[]> pem(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end)));
        } catch (IllegalArgumentException e) {
            return Optional.of(new byte[0]);
        }
    }
}

package dev.packguard.ledger.statement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A commitment to one unit (one pack): base64url(SHA-256("packguard/unit/v1" || 0x0A || GTIN-14
 * || 0x1D || serial)), 43 characters.
 *
 * <p>Why a commitment and not the serial: the log is replicated to every station of the
 * consortium, and a serial in clear is what a counterfeiter needs to print a clone that passes.
 * A station that scans a genuine pack knows GTIN and serial and recomputes the commitment to look
 * the unit up. Serials are randomised (EU 2016/161 Art. 4: guessing probability below 1 in
 * 10,000), so enumerating candidate serials to reverse a commitment is not cheaper than guessing
 * a serial in the first place. The 0x1D separator (GS, which cannot occur in a GTIN or a set-82
 * serial) makes the encoding injective.
 *
 * @param value the 43-character unpadded base64url of the 32-byte digest
 */
public record UnitCommitment(String value) implements Comparable<UnitCommitment> {
    private static final byte[] DOMAIN = "packguard/unit/v1\n".getBytes(StandardCharsets.US_ASCII);

    /** @throws IllegalArgumentException when {@code value} is not the canonical base64url of 32 bytes */
    public UnitCommitment {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a unit commitment (base64url of 32 bytes): " + value);
        }
    }

    /** True when {@code value} is 43 characters of canonical unpadded base64url (32 bytes). */
    public static boolean isValid(String value) {
        return value.length() == 43 && Base64Url.decode(value).isPresent();
    }

    /**
     * The commitment to a unit.
     *
     * @param serial the GS1 AI (21) serial: 1..20 characters of set 82
     * @throws IllegalArgumentException when the serial is not a valid AI (21) value
     */
    public static UnitCommitment of(Gtin gtin, String serial) {
        if (!Gs1Digits.validCset82(serial, 20)) {
            throw new IllegalArgumentException("not a GS1 serial (1..20 characters of set 82): " + serial);
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        sha256.update(DOMAIN);
        sha256.update(gtin.digits().getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) 0x1D);
        sha256.update(serial.getBytes(StandardCharsets.US_ASCII));
        return new UnitCommitment(Base64Url.encode(sha256.digest()));
    }

    /** The commitment, or empty when {@code value} is not one. */
    public static Optional<UnitCommitment> parse(String value) {
        return isValid(value) ? Optional.of(new UnitCommitment(value)) : Optional.empty();
    }

    /**
     * The canonical list form used in statements: sorted ascending (by the base64url text, in
     * UTF-16 code unit order, which for this alphabet equals byte order) and without duplicates.
     *
     * @throws IllegalArgumentException when {@code units} is empty or holds a duplicate
     */
    public static List<UnitCommitment> canonicalList(Collection<UnitCommitment> units) {
        return Canonical.sortedDistinct(new ArrayList<>(units), "units");
    }

    @Override
    public int compareTo(UnitCommitment other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

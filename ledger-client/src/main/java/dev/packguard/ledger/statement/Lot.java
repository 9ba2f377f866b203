package dev.packguard.ledger.statement;

/**
 * A batch/lot number as in GS1 AI (10): 1 to 20 characters of AI encodable character set 82
 * (GS1 General Specifications §3.4.1, §7.11).
 *
 * @param value the lot, exactly as printed on the pack
 */
public record Lot(String value) {
    /** @throws IllegalArgumentException when {@code value} is empty, too long or has a character outside set 82 */
    public Lot {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a GS1 lot (1..20 characters of set 82): " + value);
        }
    }

    /** True when {@code value} is 1..20 characters of character set 82. */
    public static boolean isValid(String value) {
        return Gs1Digits.validCset82(value, 20);
    }

    @Override
    public String toString() {
        return value;
    }
}

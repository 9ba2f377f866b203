package dev.packguard.ledger.statement;

/**
 * A GTIN in its 14-digit form (GTIN-8/12/13 are left-padded with zeros before they reach a
 * statement), with a valid check digit (GS1 General Specifications §3.3.2, §7.9.1).
 *
 * @param digits exactly 14 ASCII digits, the last one the GS1 mod-10 check digit
 */
public record Gtin(String digits) {
    /** @throws IllegalArgumentException when {@code digits} is not a valid GTIN-14 */
    public Gtin {
        if (!isValid(digits)) {
            throw new IllegalArgumentException("not a GTIN-14 with a valid check digit: " + digits);
        }
    }

    /** True when {@code digits} is 14 digits with a correct check digit. */
    public static boolean isValid(String digits) {
        return Gs1Digits.validWithCheckDigit(digits, 14);
    }

    @Override
    public String toString() {
        return digits;
    }
}

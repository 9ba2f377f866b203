package dev.packguard.ledger.statement;

/**
 * A 13-digit GS1 Global Location Number with a valid check digit (GS1 General Specifications
 * §3.7.9, §7.9.1). Used both for places (SGLN in EPCIS) and for parties (PGLN, the party id).
 *
 * @param digits exactly 13 ASCII digits, the last one the GS1 mod-10 check digit
 */
public record Gln(String digits) implements Comparable<Gln> {
    /** @throws IllegalArgumentException when {@code digits} is not a valid GLN */
    public Gln {
        if (!isValid(digits)) {
            throw new IllegalArgumentException("not a GLN with a valid check digit: " + digits);
        }
    }

    /** True when {@code digits} is 13 digits with a correct check digit. */
    public static boolean isValid(String digits) {
        return Gs1Digits.validWithCheckDigit(digits, 13);
    }

    @Override
    public int compareTo(Gln other) {
        return digits.compareTo(other.digits);
    }

    @Override
    public String toString() {
        return digits;
    }
}

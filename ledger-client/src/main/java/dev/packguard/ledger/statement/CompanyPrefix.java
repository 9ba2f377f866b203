package dev.packguard.ledger.statement;

/**
 * A GS1 Company Prefix: 4 to 12 digits (GS1 General Specifications §1.4.4). A manufacturer owns
 * the GTINs that start with one of its prefixes.
 *
 * @param digits 4 to 12 ASCII digits
 */
public record CompanyPrefix(String digits) implements Comparable<CompanyPrefix> {
    /** @throws IllegalArgumentException when {@code digits} is not 4 to 12 digits */
    public CompanyPrefix {
        if (!isValid(digits)) {
            throw new IllegalArgumentException("not a GS1 company prefix (4 to 12 digits): " + digits);
        }
    }

    /** True when {@code digits} is 4 to 12 ASCII digits. */
    public static boolean isValid(String digits) {
        return digits.length() >= 4 && digits.length() <= 12 && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** True when the GTIN's company part (after the indicator digit) starts with this prefix. */
    public boolean owns(Gtin gtin) {
        return gtin.digits().startsWith(digits, 1);
    }

    @Override
    public int compareTo(CompanyPrefix other) {
        return digits.compareTo(other.digits);
    }

    @Override
    public String toString() {
        return digits;
    }
}

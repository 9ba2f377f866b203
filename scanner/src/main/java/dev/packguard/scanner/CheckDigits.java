package dev.packguard.scanner;

/** Check-digit algorithms for the identifiers on a pack. */
public final class CheckDigits {
    private CheckDigits() {
    }

    /**
     * The GS1 mod-10 check digit over the first {@code length} digits of {@code digits}: weights
     * 3 and 1 alternating from the rightmost data digit (GS1 General Specifications §7.9.1).
     * The caller guarantees those characters are ASCII digits.
     */
    public static int gs1Mod10(CharSequence digits, int length) {
        int sum = 0;
        boolean three = true;
        for (int i = length - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            sum += three ? 3 * d : d;
            three = !three;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when {@code s} is all ASCII digits and its last digit is the GS1 mod-10 check digit of the others. */
    public static boolean hasValidGs1CheckDigit(CharSequence s) {
        if (s.length() < 2) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return gs1Mod10(s, s.length() - 1) == s.charAt(s.length() - 1) - '0';
    }

    /**
     * True for a valid 8-digit PZN: Σ digit(i) × i for i = 1..7, mod 11, equals the 8th digit; a
     * remainder of 10 is never issued (IFA, PZN-8 check digit rule).
     */
    public static boolean isValidPzn(CharSequence pzn) {
        if (pzn.length() != 8) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = pzn.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 7) {
                sum += (c - '0') * (i + 1);
            }
        }
        int check = sum % 11;
        return check != 10 && check == pzn.charAt(7) - '0';
    }

    /**
     * The two PPN check digits over {@code body} (the PPN without them): Σ ASCII code × weight
     * with weights 2, 3, 4, … from the left, mod 97 (IFA PPN specification). Example: body
     * {@code 1103752864} gives 14, so PPN {@code 110375286414}.
     */
    public static int ppnMod97(CharSequence body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += body.charAt(i) * (i + 2);
        }
        return sum % 97;
    }
}

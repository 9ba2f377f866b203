package dev.packguard.ledger.statement;

/** GS1 mod-10 check digit shared by GTIN and GLN (GS1 General Specifications §7.9.1). */
final class Gs1Digits {
    private Gs1Digits() {}

    /** True when {@code s} has exactly {@code length} ASCII digits and its last digit is the GS1 check digit. */
    static boolean validWithCheckDigit(String s, int length) {
        if (s.length() != length || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return s.charAt(length - 1) - '0' == checkDigit(s.substring(0, length - 1));
    }

    /** The GS1 mod-10 check digit for {@code body} (ASCII digits): weights 3,1,3,… from the right. */
    static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int fromRight = body.length() - 1 - i;
            sum += (body.charAt(i) - '0') * (fromRight % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10;
    }

    /** True when {@code s} is 1 to 20 characters of GS1 AI encodable character set 82 (GS1 Gen Specs §7.11, Figure 7.11-1). */
    static boolean validCset82(String s, int maxLength) {
        if (s.isEmpty() || s.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isCset82(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCset82(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '?')
                || c == '!' || c == '"' || c == '%' || c == '&' || c == '\'' || c == '(' || c == ')'
                || c == '*' || c == '+' || c == ',' || c == '-' || c == '.' || c == '/' || c == '_';
    }
}

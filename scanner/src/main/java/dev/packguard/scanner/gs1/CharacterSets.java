package dev.packguard.scanner.gs1;

/** The GS1 character sets allowed in AI data (GS1 General Specifications §7.11, Figures 7.11-1 to 7.11-3). */
final class CharacterSets {
    private static final boolean[] CSET82 = new boolean[128];
    private static final boolean[] CSET39 = new boolean[128];
    private static final boolean[] CSET64 = new boolean[128];

    static {
        // CSET 82: digits, letters, and !"%&'()*+,-./:;<=>?_ (Figure 7.11-1)
        mark(CSET82, "!\"%&'()*+,-./:;<=>?_");
        range(CSET82, '0', '9');
        range(CSET82, 'A', 'Z');
        range(CSET82, 'a', 'z');
        // CSET 39: upper-case letters, digits, # - / (Figure 7.11-2)
        mark(CSET39, "#-/");
        range(CSET39, '0', '9');
        range(CSET39, 'A', 'Z');
        // CSET 64: the URL-safe base64 alphabet plus '=' padding (Figure 7.11-3)
        mark(CSET64, "-_=");
        range(CSET64, '0', '9');
        range(CSET64, 'A', 'Z');
        range(CSET64, 'a', 'z');
    }

    private CharacterSets() {
    }

    private static void mark(boolean[] set, String chars) {
        for (char c : chars.toCharArray()) {
            set[c] = true;
        }
    }

    private static void range(boolean[] set, char from, char to) {
        for (char c = from; c <= to; c++) {
            set[c] = true;
        }
    }

    /** Whether {@code c} is allowed in a component of {@code type} ('N', 'X', 'Y' or 'Z'). */
    static boolean allows(char type, char c) {
        if (c >= 128) {
            return false;
        }
        return switch (type) {
            case 'N' -> c >= '0' && c <= '9';
            case 'X' -> CSET82[c];
            case 'Y' -> CSET39[c];
            case 'Z' -> CSET64[c];
            default -> throw new IllegalArgumentException("unknown component type " + type);
        };
    }

    /** Whether {@code c} may appear anywhere in GS1 AI data (CSET 82 is the widest set). */
    static boolean inCset82(char c) {
        return c < 128 && CSET82[c];
    }
}

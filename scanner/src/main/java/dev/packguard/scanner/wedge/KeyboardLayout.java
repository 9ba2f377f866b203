package dev.packguard.scanner.wedge;

import java.util.HashMap;
import java.util.Map;

/**
 * What happens when a keyboard-wedge scanner and the computer disagree about the keyboard
 * layout: the scanner presses the keys that produce a character on its layout, and the computer
 * reads those keys through its own. Covers US (ANSI) and German (T1) layouts, whose letters
 * differ only in Y/Z but whose punctuation differs widely.
 */
public enum KeyboardLayout {
    /** The scanner types as a US keyboard, the computer reads the keys as German. */
    US_SCANNER_GERMAN_HOST,
    /** The scanner types as a German keyboard, the computer reads the keys as US. */
    GERMAN_SCANNER_US_HOST;

    // Pairs (US character, German character) produced by the same physical key and shift state,
    // from the published US and German (DIN 2137 T1) layouts. Keys that agree are left out.
    private static final String[][] SAME_KEY = {
        {"y", "z"}, {"z", "y"}, {"Y", "Z"}, {"Z", "Y"},
        {"-", "ß"}, {"=", "´"}, {"[", "ü"}, {"]", "+"}, {"\\", "#"}, {";", "ö"}, {"'", "ä"},
        {"`", "^"}, {"/", "-"},
        {"@", "\""}, {"#", "§"}, {"^", "&"}, {"&", "/"}, {"*", "("}, {"(", ")"}, {")", "="},
        {"_", "?"}, {"+", "`"}, {"{", "Ü"}, {"}", "*"}, {"|", "'"}, {":", "Ö"}, {"\"", "Ä"},
        {"<", ";"}, {">", ":"}, {"?", "_"}, {"~", "°"},
    };

    private static final Map<Character, Character> GERMAN_SHOWN_TO_US = new HashMap<>();
    private static final Map<Character, Character> US_SHOWN_TO_GERMAN = new HashMap<>();

    static {
        for (String[] pair : SAME_KEY) {
            char us = pair[0].charAt(0);
            char de = pair[1].charAt(0);
            if (GERMAN_SHOWN_TO_US.put(de, us) != null || US_SHOWN_TO_GERMAN.put(us, de) != null) {
                throw new IllegalStateException("layout table is not one-to-one at " + us + "/" + de);
            }
        }
    }

    /** The character the scanner meant, given the character the computer received. */
    public char intended(char received) {
        Map<Character, Character> m = this == US_SCANNER_GERMAN_HOST ? GERMAN_SHOWN_TO_US : US_SHOWN_TO_GERMAN;
        return m.getOrDefault(received, received);
    }

    /** The character the computer receives when the scanner means {@code intended} (the inverse of {@link #intended}). */
    public char received(char intended) {
        Map<Character, Character> m = this == US_SCANNER_GERMAN_HOST ? US_SHOWN_TO_GERMAN : GERMAN_SHOWN_TO_US;
        return m.getOrDefault(intended, intended);
    }
}

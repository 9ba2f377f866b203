package dev.packguard.scanner.gs1;

import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ParseError.Rule;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validity rules for AI data and for the set of AIs in one scan: length, character set,
 * content checks (GS1 General Specifications §3, §7.9, §7.11, §7.12), no conflicting duplicates
 * and the mandatory associations and invalid pairs of §4.13.
 */
public final class ElementRules {
    private final AiTable table;
    private final Year currentYear;

    /** Rules over {@code table}; two-digit years resolve relative to {@code currentYear}. */
    public ElementRules(AiTable table, Year currentYear) {
        this.table = table;
        this.currentYear = currentYear;
    }

    /** The table the rules use. */
    public AiTable table() {
        return table;
    }

    /** The year two-digit years are resolved against. */
    public Year currentYear() {
        return currentYear;
    }

    /**
     * Checks {@code value} as the data of {@code def}; {@code valuePos} is the index of its first
     * character in the scan, so the error can point at the offending character.
     */
    public Optional<ParseError> checkValue(AiDefinition def, String value, int valuePos) {
        String ai = def.ai();
        if (value.length() < def.minLength()) {
            return Optional.of(ParseError.inAi(ai, valuePos + value.length(), Rule.TOO_SHORT,
                    "(" + ai + ") " + def.title() + " needs " + lengthText(def) + ", found " + value.length()));
        }
        if (value.length() > def.maxLength()) {
            return Optional.of(ParseError.inAi(ai, valuePos + def.maxLength(), Rule.TOO_LONG,
                    "(" + ai + ") " + def.title() + " allows " + lengthText(def) + ", found " + value.length()
                            + "; a GS separator after it may have been lost"));
        }
        int offset = 0;
        for (Component c : def.components()) {
            if (offset == value.length() && c.optional()) {
                break;
            }
            int n = c.fixed() ? c.max() : Math.min(c.max(), value.length() - offset);
            if (offset + n > value.length()) {
                return Optional.of(ParseError.inAi(ai, valuePos + value.length(), Rule.TOO_SHORT,
                        "(" + ai + ") " + def.title() + " is incomplete"));
            }
            for (int i = offset; i < offset + n; i++) {
                char ch = value.charAt(i);
                if (!CharacterSets.allows(c.type(), ch)) {
                    return Optional.of(ParseError.inAi(ai, valuePos + i,
                            c.type() == 'N' ? Rule.NOT_NUMERIC : Rule.INVALID_CHARACTER,
                            "(" + ai + ") " + def.title() + ": character " + describe(ch) + " is not allowed"
                                    + (c.type() == 'N' ? " (digits only)" : "")));
                }
            }
            if (c.check().isPresent()) {
                String part = value.substring(offset, offset + n);
                int base = valuePos + offset;
                Optional<ContentChecks.Violation> v = ContentChecks.apply(c.check().get(), part, currentYear);
                if (v.isPresent()) {
                    return Optional.of(ParseError.inAi(ai, base + v.get().offset(), v.get().rule(),
                            "(" + ai + ") " + def.title() + ": " + v.get().message()));
                }
            }
            offset += n;
        }
        if (offset != value.length()) {
            return Optional.of(ParseError.inAi(ai, valuePos + offset, Rule.TOO_LONG,
                    "(" + ai + ") " + def.title() + " allows " + lengthText(def)));
        }
        return Optional.empty();
    }

    /**
     * Checks the AIs of one scan together: an AI repeated with a different value, a mandatory
     * association missing (e.g. 21 without 01), or an invalid pair (e.g. 01 with 02).
     */
    public Optional<ParseError> checkSet(List<Element> elements) {
        // Linear in the number of elements: each AI's rules look up the distinct AIs present.
        Map<String, Element> seen = new HashMap<>();
        for (Element e : elements) {
            Element before = seen.putIfAbsent(e.ai(), e);
            if (before != null && !before.value().equals(e.value())) {
                return Optional.of(ParseError.inAi(e.ai(), e.position(), Rule.CONFLICTING_DUPLICATE,
                        "(" + e.ai() + ") appears twice with different values"));
            }
        }
        for (Element e : elements) {
            if (seen.get(e.ai()) != e) {
                continue; // an identical repeat: its rules were checked at its first occurrence
            }
            AiDefinition def = table.get(e.ai()).orElseThrow();
            for (List<String> group : def.requires()) {
                boolean satisfied = false;
                for (String p : group) {
                    if (present(p, seen)) {
                        satisfied = true;
                        break;
                    }
                }
                if (!satisfied) {
                    return Optional.of(ParseError.inAi(e.ai(), e.position(), Rule.MISSING_ASSOCIATED_AI,
                            "(" + e.ai() + ") " + def.title() + " needs one of " + aiList(group) + " in the same code"));
                }
            }
            for (String p : def.excludes()) {
                String other = excluded(p, e.ai(), seen);
                if (other != null) {
                    return Optional.of(ParseError.inAi(e.ai(), e.position(), Rule.INVALID_AI_PAIR,
                            "(" + e.ai() + ") must not appear together with (" + other + ")"));
                }
            }
        }
        return Optional.empty();
    }

    /** An AI present in the scan, other than {@code self}, that matches {@code pattern}; null if none. */
    private static String excluded(String pattern, String self, Map<String, Element> seen) {
        if (pattern.indexOf('n') < 0) {
            return !pattern.equals(self) && seen.containsKey(pattern) ? pattern : null;
        }
        for (String a : seen.keySet()) {
            if (!a.equals(self) && matches(pattern, a)) {
                return a;
            }
        }
        return null;
    }

    private static boolean present(String pattern, Map<String, Element> seen) {
        if (pattern.indexOf('n') < 0) {
            return seen.containsKey(pattern);
        }
        return anyMatches(pattern, seen.keySet());
    }

    private static boolean anyMatches(String pattern, Iterable<String> ais) {
        for (String ai : ais) {
            if (matches(pattern, ai)) {
                return true;
            }
        }
        return false;
    }

    /** An AI pattern matches an AI of the same length; 'n' matches any digit. */
    static boolean matches(String pattern, String ai) {
        if (pattern.length() != ai.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            char p = pattern.charAt(i);
            if (p != 'n' && p != ai.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String aiList(List<String> group) {
        return "(" + String.join("), (", group) + ")";
    }

    private static String lengthText(AiDefinition def) {
        return def.hasFixedLength() ? def.maxLength() + " characters"
                : def.minLength() + " to " + def.maxLength() + " characters";
    }

    static String describe(char c) {
        if (c == ElementStringParser.GS) {
            return "GS";
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}

package dev.packguard.scanner.gs1;

import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ParseError.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the human-readable interpretation {@code (01)09506000134352(17)261231(10)ABC} (GS1
 * General Specifications §4.15): each AI in parentheses, followed by its data. Data of a
 * fixed-length AI is taken by length; variable data runs to the next {@code (AI)} of a known AI or
 * the end, so a '(' inside a lot (allowed by CSET 82) is kept unless it starts a known AI.
 */
public final class BracketedParser {
    private final ElementRules rules;

    public BracketedParser(ElementRules rules) {
        this.rules = rules;
    }

    /** Whether {@code text} looks like the bracketed form: it starts with "(" and 2-4 digits and ")". */
    public static boolean looksBracketed(String text) {
        return bracketedAiLength(text, 0) > 0;
    }

    /** Parses {@code text}; never throws; error positions index into {@code text}. */
    public Gs1Parse parse(String text) {
        List<Element> elements = new ArrayList<>();
        int pos = 0;
        if (text.isEmpty()) {
            return new Gs1Parse.Failed(ParseError.at(0, Rule.EMPTY_INPUT, "the scan contains no data"));
        }
        while (pos < text.length()) {
            int aiLen = bracketedAiLength(text, pos);
            if (aiLen == 0) {
                return new Gs1Parse.Failed(ParseError.at(pos, Rule.MALFORMED_BRACKETS,
                        "expected '(' followed by an AI of 2-4 digits and ')'"));
            }
            String ai = text.substring(pos + 1, pos + 1 + aiLen);
            Optional<AiDefinition> found = rules.table().get(ai);
            if (found.isEmpty()) {
                return new Gs1Parse.Failed(ParseError.at(pos + 1, Rule.UNKNOWN_AI,
                        "(" + ai + ") is not a GS1 Application Identifier"));
            }
            AiDefinition def = found.get();
            int valueStart = pos + aiLen + 2;
            int end;
            if (def.hasFixedLength()) {
                end = Math.min(text.length(), valueStart + def.maxLength());
            } else {
                end = valueStart;
                while (end < text.length() && !startsKnownAi(text, end)) {
                    end++;
                }
            }
            String value = text.substring(valueStart, end);
            Optional<ParseError> bad = rules.checkValue(def, value, valueStart);
            if (bad.isPresent()) {
                return new Gs1Parse.Failed(bad.get());
            }
            elements.add(new Element(ai, value, pos + 1));
            pos = end;
        }
        Optional<ParseError> bad = rules.checkSet(elements);
        return bad.<Gs1Parse>map(Gs1Parse.Failed::new).orElseGet(() -> new Gs1Parse.Parsed(elements));
    }

    private boolean startsKnownAi(String text, int pos) {
        int len = bracketedAiLength(text, pos);
        return len > 0 && rules.table().get(text.substring(pos + 1, pos + 1 + len)).isPresent();
    }

    /** The number of AI digits when {@code text} has "(" digits{2,4} ")" at {@code pos}, else 0. */
    private static int bracketedAiLength(String text, int pos) {
        if (pos >= text.length() || text.charAt(pos) != '(') {
            return 0;
        }
        int i = pos + 1;
        while (i < text.length() && i - pos - 1 < 4 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        int digits = i - pos - 1;
        return digits >= 2 && i < text.length() && text.charAt(i) == ')' ? digits : 0;
    }
}

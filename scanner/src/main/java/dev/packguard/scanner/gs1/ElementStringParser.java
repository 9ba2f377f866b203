package dev.packguard.scanner.gs1;

import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ParseError.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads GS1 element strings as a symbol carries them: AI, data, and a GS (the FNC1 of the
 * symbol, transmitted as 0x1D) after every AI that is not of predefined length, unless it is
 * the last (GS1 General Specifications §7.8.5). A leading GS (FNC1 in first position) is
 * skipped. Thread-safe.
 */
public final class ElementStringParser {
    /** The group separator, ASCII 29, as which scanners transmit FNC1. */
    public static final char GS = '\u001d';

    private final ElementRules rules;

    public ElementStringParser(ElementRules rules) {
        this.rules = rules;
    }

    /** The rules this parser checks. */
    public ElementRules rules() {
        return rules;
    }

    /**
     * Parses {@code data} strictly: every variable-length field ends at a GS or the end. Never
     * throws for any input; positions in errors index into {@code data}.
     */
    public Gs1Parse parse(String data) {
        int pos = !data.isEmpty() && data.charAt(0) == GS ? 1 : 0;
        if (pos >= data.length()) {
            return new Gs1Parse.Failed(ParseError.at(0, Rule.EMPTY_INPUT, "the scan contains no data"));
        }
        List<Element> elements = new ArrayList<>();
        while (pos < data.length()) {
            Optional<AiDefinition> found = rules.table().match(data, pos);
            if (found.isEmpty()) {
                return new Gs1Parse.Failed(unknownAi(data, pos));
            }
            AiDefinition def = found.get();
            int valueStart = pos + def.ai().length();
            int end;
            if (def.hasFixedLength()) {
                end = valueStart + def.maxLength();
                int stop = Math.min(end, data.length());
                for (int i = valueStart; i < stop; i++) {
                    if (data.charAt(i) == GS) {
                        stop = i;
                        break;
                    }
                }
                if (stop < end) {
                    return new Gs1Parse.Failed(ParseError.inAi(def.ai(), stop, Rule.TOO_SHORT,
                            "(" + def.ai() + ") " + def.title() + " needs " + def.maxLength()
                                    + " characters, found " + (stop - valueStart)));
                }
            } else {
                int gs = data.indexOf(GS, valueStart);
                end = gs < 0 ? data.length() : gs;
            }
            String value = data.substring(valueStart, end);
            Optional<ParseError> bad = rules.checkValue(def, value, valueStart);
            if (bad.isPresent()) {
                return new Gs1Parse.Failed(bad.get());
            }
            elements.add(new Element(def.ai(), value, pos));
            if (end < data.length()) {
                if (data.charAt(end) == GS) {
                    end++;
                } else if (def.needsSeparator()) {
                    return new Gs1Parse.Failed(ParseError.inAi(def.ai(), end, Rule.SEPARATOR_EXPECTED,
                            "(" + def.ai() + ") " + def.title() + " must be followed by GS before the next AI"));
                }
            }
            pos = end;
        }
        Optional<ParseError> bad = rules.checkSet(elements);
        return bad.<Gs1Parse>map(Gs1Parse.Failed::new).orElseGet(() -> new Gs1Parse.Parsed(elements));
    }

    /**
     * Every valid reading of {@code data}, a scan that lost all its GS separators: each
     * variable-length field may end at any length its AI allows. Stops after {@code limit}
     * readings, or after {@code budget} steps (then {@link Readings#exhausted()} is true), so any
     * input costs bounded time.
     */
    public Readings readings(String data, int limit, int budget) {
        Search s = new Search(data, limit, budget);
        int start = !data.isEmpty() && data.charAt(0) == GS ? 1 : 0;
        if (data.indexOf(GS, start) < 0 && start < data.length()) {
            s.explore(start, new ArrayList<>());
        }
        return new Readings(s.found, s.steps > budget, s.steps);
    }

    /**
     * The outcome of {@link #readings}.
     *
     * @param found     the valid readings found, each a list of elements (at most the limit)
     * @param exhausted true when the step budget ran out before the search finished
     * @param steps     search steps taken (never more than the budget plus one): the work done
     */
    public record Readings(List<List<Element>> found, boolean exhausted, int steps) {
        public Readings {
            found = found.stream().map(List::copyOf).toList();
        }
    }

    private final class Search {
        final String data;
        final int limit;
        final int budget;
        final List<List<Element>> found = new ArrayList<>();
        int steps;

        Search(String data, int limit, int budget) {
            this.data = data;
            this.limit = limit;
            this.budget = budget;
        }

        boolean done() {
            return found.size() >= limit || steps > budget;
        }

        void explore(int pos, List<Element> elements) {
            if (++steps > budget || done()) {
                return;
            }
            if (pos == data.length()) {
                if (rules.checkSet(elements).isEmpty()) {
                    found.add(List.copyOf(elements));
                }
                return;
            }
            Optional<AiDefinition> found = rules.table().match(data, pos);
            if (found.isEmpty()) {
                return;
            }
            AiDefinition def = found.get();
            int valueStart = pos + def.ai().length();
            int shortest = valueStart + Math.max(1, def.minLength());
            int longest = Math.min(data.length(), valueStart + def.maxLength());
            for (int end = shortest; end <= longest && !done(); end++) {
                String value = data.substring(valueStart, end);
                if (rules.checkValue(def, value, valueStart).isPresent() || conflicts(elements, def.ai(), value)) {
                    continue;
                }
                elements.add(new Element(def.ai(), value, pos));
                explore(end, elements);
                elements.remove(elements.size() - 1);
            }
        }
    }

    private static boolean conflicts(List<Element> elements, String ai, String value) {
        for (Element e : elements) {
            if (e.ai().equals(ai) && !e.value().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private ParseError unknownAi(String data, int pos) {
        int digits = 0;
        while (pos + digits < data.length() && digits < 4 && Character.isDigit(data.charAt(pos + digits))
                && data.charAt(pos + digits) < 128) {
            digits++;
        }
        if (digits == data.length() - pos && digits < 4) {
            return ParseError.at(pos, Rule.TRUNCATED_AI, "the scan ends inside an AI ('" + data.substring(pos) + "')");
        }
        if (digits < 2) {
            return ParseError.at(pos, Rule.UNKNOWN_AI, "expected an AI (2-4 digits) but found "
                    + ElementRules.describe(data.charAt(pos + digits)));
        }
        return ParseError.at(pos, Rule.UNKNOWN_AI, "'" + data.substring(pos, pos + digits)
                + "' does not start any GS1 Application Identifier");
    }
}

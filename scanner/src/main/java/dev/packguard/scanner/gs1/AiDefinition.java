package dev.packguard.scanner.gs1;

import java.util.List;
import java.util.Objects;

/**
 * One GS1 Application Identifier (GS1 General Specifications §3.2 table).
 *
 * @param ai          the 2-4 digit AI
 * @param predefined  true when the AI has a predefined length and is never followed by FNC1/GS
 *                    (GS1 GenSpecs Figure 7.8.5-2)
 * @param components  the data field's components, in order
 * @param requires    groups of AIs (or patterns with 'n' for any digit); each group needs at least
 *                    one of its members present in the same scan (GS1 GenSpecs §4.13 mandatory associations)
 * @param excludes    AIs (or patterns) that must not appear in the same scan (§4.13 invalid pairs)
 * @param title       the GS1 data title
 */
public record AiDefinition(String ai, boolean predefined, List<Component> components,
        List<List<String>> requires, List<String> excludes, String title) {

    public AiDefinition {
        Objects.requireNonNull(title, "title");
        if (!ai.matches("[0-9]{2,4}")) {
            throw new IllegalArgumentException("AI must be 2-4 digits: " + ai);
        }
        components = List.copyOf(components);
        requires = requires.stream().map(List::copyOf).toList();
        excludes = List.copyOf(excludes);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("AI " + ai + " has no data components");
        }
        for (int i = 0; i < components.size() - 1; i++) {
            if (components.get(i).optional() || !components.get(i).fixed()) {
                throw new IllegalArgumentException("AI " + ai + ": only the last component may be variable or optional");
            }
        }
        if (predefined && !components.stream().allMatch(c -> c.fixed() && !c.optional())) {
            throw new IllegalArgumentException("AI " + ai + ": a predefined-length AI must have a fixed length");
        }
    }

    /** The shortest valid data field. */
    public int minLength() {
        int n = 0;
        for (Component c : components) {
            n += c.optional() ? 0 : c.min();
        }
        return n;
    }

    /** The longest valid data field. */
    public int maxLength() {
        return components.stream().mapToInt(Component::max).sum();
    }

    /** Whether every valid data field has the same length. */
    public boolean hasFixedLength() {
        return components.stream().allMatch(c -> c.fixed() && !c.optional());
    }

    /** Whether a GS must follow this AI's data when another element follows. */
    public boolean needsSeparator() {
        return !predefined;
    }
}

package dev.packguard.scanner.gs1;

import java.util.List;
import java.util.Objects;

/**
 * One GS1 Application Identifier (GS1 General Specifications §3.2 table). Immutable; its
 * lengths are computed once because every parsed character consults them.
 */
public final class AiDefinition {
    private final String ai;
    private final boolean predefined;
    private final List<Component> components;
    private final List<List<String>> requires;
    private final List<String> excludes;
    private final String title;
    private final int minLength;
    private final int maxLength;
    private final boolean fixedLength;

    /**
     * @param ai          the 2-4 digit AI
     * @param predefined  true when the AI has a predefined length and is never followed by FNC1/GS
     *                    (GS1 GenSpecs Figure 7.8.5-2)
     * @param components  the data field's components, in order; only the last may be variable or optional
     * @param requires    groups of AIs (or patterns with 'n' for any digit); each group needs at
     *                    least one member in the same scan (GS1 GenSpecs §4.13 mandatory associations)
     * @param excludes    AIs (or patterns) that must not appear in the same scan (§4.13 invalid pairs)
     * @param title       the GS1 data title
     */
    public AiDefinition(String ai, boolean predefined, List<Component> components,
            List<List<String>> requires, List<String> excludes, String title) {
        this.title = Objects.requireNonNull(title, "title");
        if (!ai.matches("[0-9]{2,4}")) {
            throw new IllegalArgumentException("AI must be 2-4 digits: " + ai);
        }
        this.ai = ai;
        this.predefined = predefined;
        this.components = List.copyOf(components);
        this.requires = requires.stream().map(List::copyOf).toList();
        this.excludes = List.copyOf(excludes);
        if (this.components.isEmpty()) {
            throw new IllegalArgumentException("AI " + ai + " has no data components");
        }
        for (int i = 0; i < this.components.size() - 1; i++) {
            if (this.components.get(i).optional() || !this.components.get(i).fixed()) {
                throw new IllegalArgumentException("AI " + ai + ": only the last component may be variable or optional");
            }
        }
        int min = 0;
        int max = 0;
        boolean fixed = true;
        for (Component c : this.components) {
            min += c.optional() ? 0 : c.min();
            max += c.max();
            fixed &= c.fixed() && !c.optional();
        }
        this.minLength = min;
        this.maxLength = max;
        this.fixedLength = fixed;
        if (predefined && !fixed) {
            throw new IllegalArgumentException("AI " + ai + ": a predefined-length AI must have a fixed length");
        }
    }

    /** The AI. */
    public String ai() {
        return ai;
    }

    /** Whether the AI has a predefined length and is never followed by GS. */
    public boolean predefined() {
        return predefined;
    }

    /** The data field's components. */
    public List<Component> components() {
        return components;
    }

    /** Mandatory association groups. */
    public List<List<String>> requires() {
        return requires;
    }

    /** Invalid pairs. */
    public List<String> excludes() {
        return excludes;
    }

    /** The GS1 data title. */
    public String title() {
        return title;
    }

    /** The shortest valid data field. */
    public int minLength() {
        return minLength;
    }

    /** The longest valid data field. */
    public int maxLength() {
        return maxLength;
    }

    /** Whether every valid data field has the same length. */
    public boolean hasFixedLength() {
        return fixedLength;
    }

    /** Whether a GS must follow this AI's data when another element follows. */
    public boolean needsSeparator() {
        return !predefined;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AiDefinition d && d.ai.equals(ai) && d.predefined == predefined
                && d.components.equals(components) && d.requires.equals(requires) && d.excludes.equals(excludes)
                && d.title.equals(title);
    }

    @Override
    public int hashCode() {
        return ai.hashCode();
    }

    @Override
    public String toString() {
        return "(" + ai + ") " + title;
    }
}

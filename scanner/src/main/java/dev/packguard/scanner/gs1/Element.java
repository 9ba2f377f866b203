package dev.packguard.scanner.gs1;

import java.util.Objects;

/**
 * One GS1 element string: an AI and its data (GS1 General Specifications §3.1).
 *
 * @param ai       the Application Identifier
 * @param value    its data, without separators
 * @param position index of the AI's first digit in the parsed text
 */
public record Element(String ai, String value, int position) {
    public Element {
        Objects.requireNonNull(ai, "ai");
        Objects.requireNonNull(value, "value");
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0");
        }
    }
}

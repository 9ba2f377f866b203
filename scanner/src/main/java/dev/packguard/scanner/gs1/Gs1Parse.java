package dev.packguard.scanner.gs1;

import dev.packguard.scanner.ParseError;
import java.util.List;

/** The outcome of reading a GS1 element string: the elements in order, or where and why it failed. */
public sealed interface Gs1Parse permits Gs1Parse.Parsed, Gs1Parse.Failed {

    /** Every element, in the order of the scan, already checked by {@link ElementRules}. */
    record Parsed(List<Element> elements) implements Gs1Parse {
        public Parsed {
            elements = List.copyOf(elements);
        }
    }

    /** The first rule broken. */
    record Failed(ParseError error) implements Gs1Parse {
    }
}

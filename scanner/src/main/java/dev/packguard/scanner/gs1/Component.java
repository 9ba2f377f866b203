package dev.packguard.scanner.gs1;

import java.util.Objects;
import java.util.Optional;

/**
 * One component of an AI's data field, e.g. the {@code N13} and the optional {@code X..17} of
 * AI 253 (GS1 General Specifications §3, format notation of §3.1).
 *
 * @param type     'N' digits, 'X' CSET 82, 'Y' CSET 39, 'Z' CSET 64
 * @param min      minimum length (equal to {@code max} for a fixed-length component)
 * @param max      maximum length
 * @param optional whether the component may be absent (only the last one can be)
 * @param check    the content rule applied to it, if any ({@link ContentChecks})
 */
public record Component(char type, int min, int max, boolean optional, Optional<String> check) {
    public Component {
        Objects.requireNonNull(check, "check");
        if ("NXYZ".indexOf(type) < 0) {
            throw new IllegalArgumentException("unknown component type " + type);
        }
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("bad length " + min + ".." + max);
        }
        check.ifPresent(ContentChecks::requireKnown);
    }

    /** Whether this component always has exactly one length. */
    public boolean fixed() {
        return min == max;
    }
}

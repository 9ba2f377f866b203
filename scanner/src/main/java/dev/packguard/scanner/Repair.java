package dev.packguard.scanner;

import java.util.Objects;

/**
 * One change made to a scan before it could be parsed, reported so the operator and the audit
 * log see that the identifier did not arrive intact.
 *
 * @param kind        what kind of damage was undone
 * @param position    character index in the scan as received where the repair applies
 * @param description a sentence saying what was changed, for the operator
 */
public record Repair(Kind kind, int position, String description) {

    /** The kinds of keyboard-wedge damage PackGuard undoes (docs/SCANNER.md). */
    public enum Kind {
        /** A printable stand-in for GS ({@code \x1d}, {@code <GS>}, {@code ^]}, …) was turned back into GS. */
        GS_ESCAPE_DECODED,
        /** A printable stand-in for RS or EOT ({@code <RS>}, {@code \x1e}, {@code <EOT>}, …) was turned back into the control character. */
        CONTROL_ESCAPE_DECODED,
        /** The configured substitute character was turned back into GS. */
        GS_SUBSTITUTE_DECODED,
        /** A lost GS was put back where the AI grammar allows only one reading. */
        GS_INSERTED,
        /** Upper and lower case were swapped back (Caps Lock or a case-inverting scanner). */
        CASE_INVERTED,
        /** Characters typed through the wrong keyboard layout were mapped back. */
        LAYOUT_MAPPED,
    }

    public Repair {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, was " + position);
        }
    }
}

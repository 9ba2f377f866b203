package dev.packguard.scanner.wedge;

import java.util.Objects;
import java.util.Optional;

/**
 * How a keyboard-wedge scanner is set up, and which damage PackGuard may undo (docs/SCANNER.md).
 *
 * @param gsSubstitute  the text the scanner is programmed to send instead of GS, e.g. "~"
 * @param decodeEscapes turn printable GS stand-ins ({@code \x1d}, {@code <GS>}, {@code ^]}, …) into GS
 * @param layout        layout handling: detect a US/German mismatch from evidence in the scan,
 *                      assume one, or take characters as received
 * @param caseHandling  case handling: detect inverted case from the symbology prefix, assume it
 *                      inverted (Caps Lock), or take as received
 * @param gsMayBeLost   a scan without any GS may have lost them: accept it only when exactly one
 *                      reading is valid
 */
public record WedgeConfig(Optional<String> gsSubstitute, boolean decodeEscapes, Layout layout,
        CaseHandling caseHandling, boolean gsMayBeLost) {

    /** Keyboard layout handling. */
    public enum Layout {
        AS_RECEIVED, DETECT, US_SCANNER_GERMAN_HOST, GERMAN_SCANNER_US_HOST
    }

    /** Upper/lower case handling. */
    public enum CaseHandling {
        AS_RECEIVED, DETECT, INVERTED
    }

    public WedgeConfig {
        Objects.requireNonNull(gsSubstitute, "gsSubstitute");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(caseHandling, "caseHandling");
        gsSubstitute.ifPresent(s -> {
            if (s.isEmpty() || s.chars().anyMatch(c -> c < 0x20 && c != 0x1d)) {
                throw new IllegalArgumentException("GS substitute must be printable and non-empty");
            }
            if (s.chars().allMatch(Character::isLetterOrDigit)) {
                throw new IllegalArgumentException("GS substitute '" + s + "' would be confused with AI data");
            }
        });
    }

    /** A wedge scanner of unknown setup: detect and repair what the AI grammar allows. */
    public static WedgeConfig defaults() {
        return new WedgeConfig(Optional.empty(), true, Layout.DETECT, CaseHandling.DETECT, true);
    }

    /** Input known to be exact (an image decoder, a serial scanner): no repairs at all. */
    public static WedgeConfig exact() {
        return new WedgeConfig(Optional.empty(), false, Layout.AS_RECEIVED, CaseHandling.AS_RECEIVED, false);
    }

    /** This configuration with {@code substitute} standing for GS. */
    public WedgeConfig withGsSubstitute(String substitute) {
        return new WedgeConfig(Optional.of(substitute), decodeEscapes, layout, caseHandling, gsMayBeLost);
    }

    /** This configuration with another layout handling. */
    public WedgeConfig withLayout(Layout newLayout) {
        return new WedgeConfig(gsSubstitute, decodeEscapes, newLayout, caseHandling, gsMayBeLost);
    }

    /** This configuration with another case handling. */
    public WedgeConfig withCaseHandling(CaseHandling handling) {
        return new WedgeConfig(gsSubstitute, decodeEscapes, layout, handling, gsMayBeLost);
    }
}

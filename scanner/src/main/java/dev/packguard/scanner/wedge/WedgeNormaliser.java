package dev.packguard.scanner.wedge;

import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ParseError.Rule;
import dev.packguard.scanner.Repair;
import dev.packguard.scanner.Symbology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Undoes the damage a keyboard-wedge scanner does to a scan before it is parsed: keyboard
 * layout mismatch, inverted case, GS sent as a printable stand-in, and the AIM symbology
 * identifier (ISO/IEC 15424) in front. Each change is reported as a {@link Repair}. Lost GS
 * separators are not handled here: only the AI grammar can tell where they were
 * ({@code dev.packguard.scanner.scan.ScanDecoder}). Thread-safe.
 */
public final class WedgeNormaliser {
    /** Printable stand-ins for GS that scanners and people type. */
    static final List<String> GS_ESCAPES = List.of(
            "\\x1d", "\\x1D", "\\X1D", "\\u001d", "\\u001D", "\\035", "<GS>", "<gs>", "[GS]", "{GS}", "^]",
            "\u241d", "<FNC1>", "{FNC1}");

    /** Printable stand-ins for RS and EOT, which frame an ISO/IEC 15434 envelope. */
    static final List<String> RS_ESCAPES = List.of("\\x1e", "\\x1E", "\\X1E", "\\u001e", "\\u001E", "<RS>", "<rs>", "^^", "\u241e");
    static final List<String> EOT_ESCAPES = List.of("\\x04", "\\X04", "\\u0004", "<EOT>", "<eot>", "^D", "\u2404");

    // Only a German layout produces these, and none is allowed in GS1 data (CSET 82).
    private static final String GERMAN_ONLY = "ßüöäÜÖÄ§°´";

    private final WedgeConfig config;

    public WedgeNormaliser(WedgeConfig config) {
        this.config = config;
    }

    /**
     * The outcome: the text to parse (without symbology identifier, GS as 0x1D), the symbology,
     * and the repairs made, or the error that stopped normalisation.
     */
    public sealed interface Result permits Normalised, Rejected {
    }

    /** Normalised text, still mapped to positions in the scan as received. */
    public record Normalised(MappedText text, Symbology symbology, List<Repair> repairs) implements Result {
        public Normalised {
            repairs = List.copyOf(repairs);
        }
    }

    /** The scan cannot be normalised. */
    public record Rejected(ParseError error, List<Repair> repairs) implements Result {
        public Rejected {
            repairs = List.copyOf(repairs);
        }
    }

    /** Normalises {@code scan}; never throws. */
    public Result normalise(String scan) {
        List<Repair> repairs = new ArrayList<>();
        MappedText t = MappedText.of(scan);

        Optional<KeyboardLayout> mismatch = switch (config.layout()) {
            case AS_RECEIVED -> Optional.empty();
            case US_SCANNER_GERMAN_HOST -> Optional.of(KeyboardLayout.US_SCANNER_GERMAN_HOST);
            case GERMAN_SCANNER_US_HOST -> Optional.of(KeyboardLayout.GERMAN_SCANNER_US_HOST);
            case DETECT -> detectLayout(scan);
        };
        if (mismatch.isPresent()) {
            KeyboardLayout layout = mismatch.get();
            MappedText mapped = t.mapChars(c -> layout.intended((char) c));
            int first = firstDifference(t.text(), mapped.text());
            if (first >= 0) {
                repairs.add(new Repair(Repair.Kind.LAYOUT_MAPPED, first, layoutAdvice(layout, scan.charAt(first),
                        mapped.text().charAt(first))));
                t = mapped;
            }
        }

        boolean invert = switch (config.caseHandling()) {
            case AS_RECEIVED -> false;
            case INVERTED -> true;
            case DETECT -> caseInvertedPrefix(t.text());
        };
        if (invert) {
            MappedText inverted = t.mapChars(WedgeNormaliser::invertCase);
            if (!inverted.text().equals(t.text())) {
                repairs.add(new Repair(Repair.Kind.CASE_INVERTED, 0, "upper and lower case arrived swapped and were "
                        + "swapped back; switch Caps Lock off, or set the scanner to keep the case of the code"));
                t = inverted;
            }
        }

        if (config.gsSubstitute().isPresent()) {
            String sub = config.gsSubstitute().get();
            int at = t.text().indexOf(sub);
            if (at >= 0) {
                repairs.add(new Repair(Repair.Kind.GS_SUBSTITUTE_DECODED, t.originOf(at),
                        "the configured GS substitute '" + sub + "' was read as GS"));
                t = t.replace(sub, '\u001d');
            }
        }
        boolean mayHoldEscapes = config.decodeEscapes() && mayHoldEscape(t.text());
        if (mayHoldEscapes) {
            for (String escape : GS_ESCAPES) {
                int at = t.text().indexOf(escape);
                if (at >= 0) {
                    repairs.add(new Repair(Repair.Kind.GS_ESCAPE_DECODED, t.originOf(at),
                            "'" + escape + "' was read as GS (0x1D)"));
                    t = t.replace(escape, '\u001d');
                }
            }
        }

        if (mayHoldEscapes) {
            t = decodeControl(t, RS_ESCAPES, '\u001e', "RS", repairs);
            t = decodeControl(t, EOT_ESCAPES, '\u0004', "EOT", repairs);
        }

        Symbology symbology = Symbology.NONE;
        if (t.text().startsWith("]")) {
            if (t.text().length() < 3) {
                return new Rejected(ParseError.at(0, Rule.UNSUPPORTED_SYMBOLOGY,
                        "the scan ends inside its symbology identifier"), repairs);
            }
            Optional<Symbology> s = Symbology.fromAim(t.text().substring(0, 3));
            if (s.isEmpty()) {
                return new Rejected(ParseError.at(0, Rule.UNSUPPORTED_SYMBOLOGY, "symbology identifier '"
                        + t.text().substring(0, 3) + "' is not a code PackGuard reads (GS1 DataMatrix ]d2, "
                        + "GS1-128 ]C1, GS1 QR ]Q3, GS1 DataBar ]e0, EAN/UPC ]E0, DataMatrix ]d1, QR ]Q1)"), repairs);
            }
            symbology = s.get();
            t = t.from(3);
        }
        return new Normalised(t, symbology, repairs);
    }

    /** Every escape starts with one of these; most scans hold none, and skip the search. */
    private static boolean mayHoldEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if ("\\<[{^\u241d\u241e\u2404".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static MappedText decodeControl(MappedText text, List<String> escapes, char control, String name,
            List<Repair> repairs) {
        MappedText t = text;
        for (String escape : escapes) {
            int at = t.text().indexOf(escape);
            if (at >= 0) {
                repairs.add(new Repair(Repair.Kind.CONTROL_ESCAPE_DECODED, t.originOf(at),
                        "'" + escape + "' was read as " + name));
                t = t.replace(escape, control);
            }
        }
        return t;
    }

    private Optional<KeyboardLayout> detectLayout(String scan) {
        // A scan never starts with '+': it is ']' typed by a US-layout scanner into a German layout.
        if (scan.length() >= 3 && scan.charAt(0) == '+' && "dDcCqQeE".indexOf(scan.charAt(1)) >= 0
                && Character.isDigit(scan.charAt(2))) {
            return Optional.of(KeyboardLayout.US_SCANNER_GERMAN_HOST);
        }
        String lower = scan.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("httpsö--") || lower.startsWith("httpö--")) {
            return Optional.of(KeyboardLayout.US_SCANNER_GERMAN_HOST);
        }
        for (int i = 0; i < scan.length(); i++) {
            if (GERMAN_ONLY.indexOf(scan.charAt(i)) >= 0) {
                return Optional.of(KeyboardLayout.US_SCANNER_GERMAN_HOST);
            }
        }
        if (lower.startsWith("https>&&") || lower.startsWith("http>&&")) {
            return Optional.of(KeyboardLayout.GERMAN_SCANNER_US_HOST);
        }
        return Optional.empty();
    }

    /**
     * True when the text starts with an AIM identifier whose flag letter has the wrong case
     * ({@code ]D2} for {@code ]d2}); {@code ]E0} (EAN/UPC) is taken as inverted DataBar only when
     * what follows cannot be an EAN/UPC (8, 12 or 13 digits).
     */
    static boolean caseInvertedPrefix(String text) {
        if (text.length() < 3 || text.charAt(0) != ']') {
            return false;
        }
        String as = text.substring(0, 3);
        String flipped = "]" + invertCase(text.charAt(1)) + text.charAt(2);
        if (as.equals("]E0")) {
            String rest = text.substring(3);
            boolean eanLike = rest.chars().allMatch(Character::isDigit)
                    && (rest.length() == 8 || rest.length() == 12 || rest.length() == 13);
            return !eanLike;
        }
        return Symbology.fromAim(as).isEmpty() && Symbology.fromAim(flipped).isPresent();
    }

    static char invertCase(int c) {
        if (Character.isUpperCase(c)) {
            return (char) Character.toLowerCase(c);
        }
        if (Character.isLowerCase(c)) {
            return (char) Character.toUpperCase(c);
        }
        return (char) c;
    }

    private static int firstDifference(String a, String b) {
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return -1;
    }

    private static String layoutAdvice(KeyboardLayout layout, char received, char intended) {
        return layout == KeyboardLayout.US_SCANNER_GERMAN_HOST
                ? "the scanner types with a US keyboard layout but the computer uses German ('" + received
                        + "' arrived for '" + intended + "'); characters were mapped back; set the scanner's "
                        + "keyboard country to German"
                : "the scanner types with a German keyboard layout but the computer uses US ('" + received
                        + "' arrived for '" + intended + "'); characters were mapped back; set the scanner's "
                        + "keyboard country to US";
    }
}

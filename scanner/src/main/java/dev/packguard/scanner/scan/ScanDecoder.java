package dev.packguard.scanner.scan;

import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ParseError.Rule;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.Repair;
import dev.packguard.scanner.Symbology;
import dev.packguard.scanner.gs1.BracketedParser;
import dev.packguard.scanner.gs1.Element;
import dev.packguard.scanner.gs1.ElementRules;
import dev.packguard.scanner.gs1.ElementStringParser;
import dev.packguard.scanner.gs1.Gs1Identifiers;
import dev.packguard.scanner.gs1.Gs1Parse;
import dev.packguard.scanner.gs1.AiTable;
import dev.packguard.scanner.wedge.MappedText;
import dev.packguard.scanner.wedge.WedgeConfig;
import dev.packguard.scanner.wedge.WedgeNormaliser;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one entry point from "what a scanner sent" to a {@link ParseResult}: undoes keyboard-wedge
 * damage ({@link WedgeNormaliser}), then reads the payload as a GS1 element string, the bracketed
 * human-readable form, a GS1 Digital Link URI or an IFA PPN envelope. Never throws for any
 * input; error positions index into the scan as received. Thread-safe.
 */
public final class ScanDecoder {
    /** Longer scans are refused outright: the largest DataMatrix holds 2,335 characters. */
    public static final int MAX_SCAN_LENGTH = 4096;
    // Bounds the search for the readings of a scan that lost its separators (see decodeElementString).
    static final int READING_SEARCH_BUDGET = 5_000;

    private final WedgeConfig config;
    private final Clock clock;
    private final WedgeNormaliser normaliser;

    /** A decoder for scans from a scanner set up as {@code config}; dates resolve against {@code clock}. */
    public ScanDecoder(WedgeConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.normaliser = new WedgeNormaliser(config);
    }

    /** A decoder for keyboard-wedge scans of unknown setup ({@link WedgeConfig#defaults()}), system clock. */
    public static ScanDecoder forWedge() {
        return new ScanDecoder(WedgeConfig.defaults(), Clock.systemDefaultZone());
    }

    /** A decoder for exact input (image decoders, serial scanners): nothing is repaired. */
    public static ScanDecoder exact() {
        return new ScanDecoder(WedgeConfig.exact(), Clock.systemDefaultZone());
    }

    /** Decodes one scan. */
    public ParseResult decode(String scan) {
        if (scan == null || scan.isEmpty()) {
            return new ParseResult.Failure(ParseError.at(0, Rule.EMPTY_INPUT, "the scan is empty"));
        }
        if (scan.length() > MAX_SCAN_LENGTH) {
            return new ParseResult.Failure(ParseError.at(MAX_SCAN_LENGTH, Rule.INPUT_TOO_LONG,
                    "the scan is longer than " + MAX_SCAN_LENGTH + " characters, more than any pack code holds"));
        }
        String trimmed = stripLineEnd(scan);
        WedgeNormaliser.Result normal = normaliser.normalise(trimmed);
        if (normal instanceof WedgeNormaliser.Rejected r) {
            return new ParseResult.Failure(r.error(), r.repairs());
        }
        WedgeNormaliser.Normalised n = (WedgeNormaliser.Normalised) normal;
        ElementRules rules = new ElementRules(AiTable.standard(), Year.now(clock));
        return Payloads.decode(this, n.text(), n.symbology(), n.repairs(), rules);
    }

    WedgeConfig config() {
        return config;
    }

    /**
     * Reads a GS1 element string. A scan that contains no GS at all may have lost them on the
     * way (GS1 GenSpecs §7.8.5: each variable-length AI not last is followed by FNC1): then every
     * reading the AI grammar allows is sought, and the scan is accepted only when exactly one
     * exists. A code that satisfies the AI rules is always among the valid readings of itself
     * with its separators removed, so a unique reading is the printed one and a lost GS cannot
     * produce a different identifier. (A printed code that breaks the AI rules is rejected
     * anyway when its separators arrive; without them, a unique valid reading of it is still
     * not the printed data, which is why the repair is always reported.)
     */
    ParseResult decodeElementString(MappedText text, Symbology symbology, List<Repair> repairs, ElementRules rules) {
        ElementStringParser parser = new ElementStringParser(rules);
        String data = text.text();
        Gs1Parse strict = parser.parse(data);
        boolean noGs = data.indexOf(ElementStringParser.GS, data.startsWith("\u001d") ? 1 : 0) < 0;
        if (!config.gsMayBeLost() || !noGs) {
            return finish(strict, text, symbology, repairs, rules);
        }
        ElementStringParser.Readings readings = parser.readings(data, 2, READING_SEARCH_BUDGET);
        if (readings.found().size() == 1 && !readings.exhausted()) {
            List<Element> reading = readings.found().get(0);
            List<Repair> all = new ArrayList<>(repairs);
            for (int i = 0; i + 1 < reading.size(); i++) {
                Element e = reading.get(i);
                if (rules.table().get(e.ai()).orElseThrow().needsSeparator()) {
                    int at = reading.get(i + 1).position();
                    all.add(new Repair(Repair.Kind.GS_INSERTED, text.originOf(at), "a lost GS was put back after ("
                            + e.ai() + ") " + e.value() + ": no other reading of the scan is valid"));
                }
            }
            return finish(new Gs1Parse.Parsed(reading), text, symbology, all, rules);
        }
        if (readings.found().isEmpty() && !readings.exhausted()) {
            return finish(strict, text, symbology, repairs, rules);
        }
        String detail = readings.found().size() >= 2
                ? " It can be read as " + bracketed(readings.found().get(0)) + " or as " + bracketed(readings.found().get(1)) + "."
                : " It can be read in too many ways.";
        int at = readings.found().size() >= 2 ? firstBoundaryDifference(readings.found().get(0), readings.found().get(1)) : 0;
        return new ParseResult.Failure(ParseError.at(text.originOf(at), Rule.AMBIGUOUS_MISSING_SEPARATOR,
                "the scan has no GS separators, and without them it is ambiguous." + detail
                        + " Set the scanner to transmit GS (FNC1) as the character 0x1D, or program it to send a "
                        + "substitute such as '~' and set the same substitute in PackGuard's scanner settings."),
                repairs);
    }

    ParseResult decodeBracketed(MappedText text, Symbology symbology, List<Repair> repairs, ElementRules rules) {
        return finish(new BracketedParser(rules).parse(text.text()), text, symbology, repairs, rules);
    }

    ParseResult finish(Gs1Parse parse, MappedText text, Symbology symbology, List<Repair> repairs,
            ElementRules rules) {
        if (parse instanceof Gs1Parse.Failed f) {
            return new ParseResult.Failure(mapError(f.error(), text), repairs);
        }
        List<Element> elements = ((Gs1Parse.Parsed) parse).elements();
        ParseResult result = Gs1Identifiers.build(elements, symbology, repairs, rules.currentYear());
        if (result instanceof ParseResult.Failure f) {
            return new ParseResult.Failure(mapError(f.error(), text), f.repairs());
        }
        return result;
    }

    static ParseError mapError(ParseError e, MappedText text) {
        return new ParseError(e.ai(), text.originOf(e.position()), e.rule(), e.message());
    }

    private static String bracketed(List<Element> reading) {
        StringBuilder sb = new StringBuilder();
        for (Element e : reading) {
            sb.append('(').append(e.ai()).append(')').append(e.value());
        }
        return sb.toString();
    }

    private static int firstBoundaryDifference(List<Element> a, List<Element> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return a.get(i).position() + a.get(i).ai().length() + Math.min(a.get(i).value().length(),
                        b.get(i).value().length());
            }
        }
        return 0;
    }

    private static String stripLineEnd(String scan) {
        int end = scan.length();
        // CR, LF and TAB are the suffixes wedge scanners append; none is part of any code
        while (end > 0 && (scan.charAt(end - 1) == '\r' || scan.charAt(end - 1) == '\n' || scan.charAt(end - 1) == '\t')) {
            end--;
        }
        return scan.substring(0, end);
    }

    /** The {@link ProductIdentifier} of {@code result}, if it succeeded. */
    public static Optional<dev.packguard.scanner.ProductIdentifier> identifier(ParseResult result) {
        return result instanceof ParseResult.Success s ? Optional.of(s.identifier()) : Optional.empty();
    }
}

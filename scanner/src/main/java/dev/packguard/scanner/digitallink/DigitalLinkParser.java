package dev.packguard.scanner.digitallink;

import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ParseError.Rule;
import dev.packguard.scanner.gs1.AiDefinition;
import dev.packguard.scanner.gs1.Element;
import dev.packguard.scanner.gs1.ElementRules;
import dev.packguard.scanner.gs1.Gs1Identifiers;
import dev.packguard.scanner.gs1.Gs1Parse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an uncompressed GS1 Digital Link URI (GS1 Digital Link Standard: URI Syntax 1.x, §4 and
 * §5): {@code http(s)://<any host>[/<path prefix>]/01/<gtin>[/22/<cpv>][/10/<lot>][/21/<serial>]}
 * with further AIs as query parameters ({@code ?17=261231}). Path qualifiers must follow the key
 * in the order 22, 10, 21, or be 235 alone; values are percent-decoded as UTF-8 and then checked like any AI
 * data. Query parameters that are not AIs (such as {@code linkType}) are ignored. Thread-safe.
 */
public final class DigitalLinkParser {
    private static final List<String> QUALIFIERS = List.of("22", "10", "21");
    // Alphabetic path names of GS1 Digital Link 1.0 (later versions use only the numeric AIs, but
    // links printed under 1.0 stay in circulation).
    private static final java.util.Map<String, String> SHORT_NAMES = java.util.Map.of(
            "gtin", "01", "cpv", "22", "lot", "10", "ser", "21");

    private final ElementRules rules;

    public DigitalLinkParser(ElementRules rules) {
        this.rules = rules;
    }

    /** Whether {@code text} starts with an http or https scheme (in any case). */
    public static boolean looksLikeUri(String text) {
        String lower = text.length() >= 8 ? text.substring(0, 8).toLowerCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** Parses {@code uri}; never throws; error positions index into {@code uri}. */
    public Gs1Parse parse(String uri) {
        if (!looksLikeUri(uri)) {
            return fail(0, Rule.MALFORMED_URI, "a Digital Link starts with http:// or https://");
        }
        int authorityStart = uri.indexOf("//") + 2;
        int end = uri.length();
        int hash = uri.indexOf('#');
        if (hash >= 0) {
            end = hash;
        }
        int query = uri.indexOf('?');
        if (query >= end) {
            query = -1;
        }
        int pathEnd = query >= 0 ? query : end;
        int pathStart = uri.indexOf('/', authorityStart);
        if (pathStart < 0 || pathStart >= pathEnd || pathStart == authorityStart) {
            return fail(authorityStart, Rule.MALFORMED_URI, "the URI has no host or no path with /01/<GTIN>");
        }
        List<int[]> segments = new ArrayList<>();
        int s = pathStart + 1;
        while (s <= pathEnd) {
            int slash = uri.indexOf('/', s);
            int e = slash < 0 || slash > pathEnd ? pathEnd : slash;
            segments.add(new int[] {s, e});
            s = e + 1;
        }
        int key = -1;
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (numericAi(segment(uri, segments.get(i))).equals("01")) {
                key = i;
                break;
            }
        }
        if (key < 0) {
            return fail(pathStart, Rule.NO_PRODUCT_CODE, "the Digital Link has no /01/<GTIN> in its path");
        }
        List<Element> elements = new ArrayList<>();
        int[] gtinSeg = segments.get(key + 1);
        Optional<String> gtinText = decode(uri, gtinSeg);
        if (gtinText.isEmpty()) {
            return fail(gtinSeg[0], Rule.MALFORMED_URI, "bad percent-encoding in the GTIN");
        }
        Optional<String> gtin = Gs1Identifiers.toGtin14(gtinText.get());
        if (gtin.isEmpty()) {
            return new Gs1Parse.Failed(ParseError.inAi("01", gtinSeg[0], Rule.CHECK_DIGIT,
                    "(01) '" + gtinText.get() + "' is not a GTIN-8, -12, -13 or -14 with a valid check digit"));
        }
        elements.add(new Element("01", gtin.get(), segments.get(key)[0]));
        int nextQualifier = 0;
        for (int i = key + 2; i < segments.size(); i += 2) {
            int[] aiSeg = segments.get(i);
            String ai = numericAi(segment(uri, aiSeg));
            // 01's qualifiers are 22, 10, 21 in that order, or 235 alone (GS1 DL URI Syntax §4.5;
            // dlpkey=22,10,21|235 in the GS1 Barcode Syntax Dictionary).
            int q = ai.equals("235") ? (nextQualifier == 0 ? QUALIFIERS.size() : -1) : QUALIFIERS.indexOf(ai);
            if (q < nextQualifier || i + 1 >= segments.size()) {
                return fail(aiSeg[0], Rule.MALFORMED_URI, q < 0 || i + 1 >= segments.size()
                        ? "after /01/<GTIN> the path may only hold /22/…, /10/…, /21/… or /235/… (found '" + ai + "')"
                        : "path qualifiers must come in the order 22, 10, 21, or be 235 alone ('" + ai + "' is out of order)");
            }
            nextQualifier = q + 1;
            Optional<ParseError> bad = addElement(uri, ai, segments.get(i + 1), aiSeg[0], elements);
            if (bad.isPresent()) {
                return new Gs1Parse.Failed(bad.get());
            }
        }
        if (query >= 0) {
            int p = query + 1;
            while (p < end) {
                int amp = uri.indexOf('&', p);
                int e = amp < 0 || amp > end ? end : amp;
                int eq = uri.indexOf('=', p);
                if (eq > p && eq < e) {
                    String name = uri.substring(p, eq);
                    if (name.chars().allMatch(c -> c >= '0' && c <= '9') && name.length() >= 2) {
                        if (rules.table().get(name).isEmpty()) {
                            return new Gs1Parse.Failed(ParseError.at(p, Rule.UNKNOWN_AI,
                                    "query parameter " + name + " is not a GS1 Application Identifier"));
                        }
                        Optional<ParseError> bad = addElement(uri, name, new int[] {eq + 1, e}, p, elements);
                        if (bad.isPresent()) {
                            return new Gs1Parse.Failed(bad.get());
                        }
                    }
                }
                p = e + 1;
            }
        }
        Optional<ParseError> bad = rules.checkSet(elements);
        return bad.<Gs1Parse>map(Gs1Parse.Failed::new).orElseGet(() -> new Gs1Parse.Parsed(elements));
    }

    private Optional<ParseError> addElement(String uri, String ai, int[] valueSeg, int aiPos, List<Element> out) {
        Optional<String> value = decode(uri, valueSeg);
        if (value.isEmpty()) {
            return Optional.of(ParseError.inAi(ai, valueSeg[0], Rule.MALFORMED_URI,
                    "(" + ai + ") has bad percent-encoding"));
        }
        AiDefinition def = rules.table().get(ai).orElseThrow();
        // Positions inside a percent-decoded value do not map to the URI; point at the value.
        Optional<ParseError> bad = rules.checkValue(def, value.get(), valueSeg[0]);
        if (bad.isPresent()) {
            ParseError e = bad.get();
            return Optional.of(new ParseError(e.ai(), Math.min(e.position(), valueSeg[1]), e.rule(), e.message()));
        }
        out.add(new Element(ai, value.get(), aiPos));
        return Optional.empty();
    }

    private static String numericAi(String segment) {
        return SHORT_NAMES.getOrDefault(segment, segment);
    }

    private static String segment(String uri, int[] seg) {
        return uri.substring(seg[0], seg[1]);
    }

    /** Percent-decodes (RFC 3986 §2.1) as UTF-8; empty for a bad escape or invalid UTF-8. */
    static Optional<String> decode(String uri, int[] seg) {
        String raw = segment(uri, seg);
        if (raw.indexOf('%') < 0) {
            return Optional.of(raw);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Gs1Parse fail(int pos, Rule rule, String message) {
        return new Gs1Parse.Failed(ParseError.at(pos, rule, message));
    }
}

package dev.packguard.scanner.ifa;

import dev.packguard.scanner.CheckDigits;
import dev.packguard.scanner.NationalNumbers;
import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ParseError.Rule;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.Repair;
import dev.packguard.scanner.Symbology;
import dev.packguard.scanner.gs1.Gs1Dates;
import dev.packguard.scanner.gs1.Gs1Identifiers;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the IFA coding of German packs (securPharm): an ISO/IEC 15434 format-06 envelope
 * {@code [)>} RS {@code 06} GS {@code 9N}PPN GS {@code 1T}batch GS {@code D}expiry GS
 * {@code S}serial RS EOT, with ANSI MH10.8.2 data identifiers in any order (IFA "Coding Rules
 * for Packs", ISO/IEC 15434 §6, §7.6). The PPN's mod-97 check digits and, for PRA code 11, the
 * PZN's mod-11 check digit are verified; the GTIN is the German NTIN 04150+PZN+check unless the
 * envelope carries one under {@code 8P}. Trailing RS/EOT may be missing (keyboard wedges drop
 * them). Thread-safe; never throws for any input.
 */
public final class PpnParser {
    /** The ISO/IEC 15434 message header. */
    public static final String HEADER = "[)>";
    static final char RS = '\u001e';
    static final char GS = '\u001d';
    static final char EOT = '\u0004';

    private static final java.util.Set<String> DATA_IDENTIFIERS = java.util.Set.of("9N", "8P", "1T", "D", "S");

    private final Year currentYear;

    public PpnParser(Year currentYear) {
        this.currentYear = currentYear;
    }

    /** Whether {@code text} starts with the ISO/IEC 15434 header. */
    public static boolean looksLikeEnvelope(String text) {
        return text.startsWith(HEADER);
    }

    /** Parses the envelope in {@code text}; positions in errors index into {@code text}. */
    public ParseResult parse(String text, Symbology symbology, List<Repair> repairs) {
        int pos = HEADER.length();
        if (!text.startsWith(HEADER)) {
            return fail(0, "an IFA code starts with '[)>'", repairs);
        }
        if (pos < text.length() && text.charAt(pos) == RS) {
            pos++;
        }
        if (!text.startsWith("06", pos)) {
            return fail(pos, "expected format '06' after the header (ISO/IEC 15434 format 06)", repairs);
        }
        pos += 2;
        if (pos >= text.length() || text.charAt(pos) != GS) {
            return fail(pos, "expected GS after the format indicator 06", repairs);
        }
        pos++;
        int end = text.length();
        while (end > pos && (text.charAt(end - 1) == EOT || text.charAt(end - 1) == RS)) {
            end--;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        while (pos < end) {
            int gs = text.indexOf(GS, pos);
            int fieldEnd = gs < 0 || gs > end ? end : gs;
            int di = pos;
            while (di < fieldEnd && di - pos < 3 && Character.isDigit(text.charAt(di)) && text.charAt(di) < 128) {
                di++;
            }
            if (di >= fieldEnd || text.charAt(di) < 'A' || text.charAt(di) > 'Z') {
                return fail(pos, "expected a data identifier (digits and a capital letter, e.g. 9N)", repairs);
            }
            String id = text.substring(pos, di + 1);
            String value = text.substring(di + 1, fieldEnd);
            if (!DATA_IDENTIFIERS.contains(id)) {
                return fail(pos, "data identifier '" + id + "' is not one of 9N (PPN), 8P (GTIN), 1T (batch), "
                        + "D (expiry), S (serial)", repairs);
            }
            if (fields.containsKey(id)) {
                return fail(pos, "data identifier '" + id + "' appears twice", repairs);
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x21 || c > 0x7e) {
                    return fail(di + 1 + i, "character U+" + String.format("%04X", (int) c) + " is not allowed in "
                            + id, repairs);
                }
            }
            fields.put(id, value);
            positions.put(id, di + 1);
            pos = fieldEnd + 1;
        }
        return build(fields, positions, symbology, repairs);
    }

    private ParseResult build(Map<String, String> fields, Map<String, Integer> positions, Symbology symbology,
            List<Repair> repairs) {
        Optional<String> ppn = Optional.ofNullable(fields.get("9N"));
        Optional<String> pzn = Optional.empty();
        if (ppn.isPresent()) {
            String p = ppn.get();
            int at = positions.get("9N");
            if (p.length() < 5 || p.length() > 22 || !p.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
                return fail(at, "PPN must be 5 to 22 letters and digits", repairs);
            }
            String body = p.substring(0, p.length() - 2);
            String check = p.substring(p.length() - 2);
            int mod = CheckDigits.ppnMod97(body);
            String expected = (mod < 10 ? "0" : "") + mod;
            if (!check.equals(expected)) {
                return new ParseResult.Failure(ParseError.at(at + p.length() - 2, Rule.CHECK_DIGIT,
                        "PPN " + p + " has check digits " + check + ", expected " + expected + " (mod 97)"), repairs);
            }
            if (p.startsWith("11")) {
                String z = body.substring(2);
                if (!CheckDigits.isValidPzn(z)) {
                    return new ParseResult.Failure(ParseError.at(at + 2, Rule.CHECK_DIGIT,
                            "the PZN " + z + " inside PPN " + p + " has a wrong mod-11 check digit"), repairs);
                }
                pzn = Optional.of(z);
            }
        }
        String gtin;
        if (fields.containsKey("8P")) {
            Optional<String> g = Gs1Identifiers.toGtin14(fields.get("8P"));
            if (g.isEmpty()) {
                return new ParseResult.Failure(ParseError.at(positions.get("8P"), Rule.CHECK_DIGIT,
                        "8P '" + fields.get("8P") + "' is not a GTIN with a valid check digit"), repairs);
            }
            gtin = g.get();
        } else if (pzn.isPresent()) {
            String body = "04150" + pzn.get();
            gtin = body + CheckDigits.gs1Mod10(body, 13);
        } else {
            return new ParseResult.Failure(ParseError.at(0, Rule.NO_PRODUCT_CODE, ppn.isPresent()
                    ? "the PPN is not PZN-based (PRA code 11) and no GTIN (8P) is given, so no GTIN is known"
                    : "the envelope has neither a PPN (9N) nor a GTIN (8P)"), repairs);
        }
        Optional<LocalDate> expiry = Optional.empty();
        boolean dayZero = false;
        if (fields.containsKey("D")) {
            String d = fields.get("D");
            Optional<Gs1Dates.Yymmdd> parsed = d.length() == 6 && d.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? Gs1Dates.parse(d, 0, true, currentYear) : Optional.empty();
            if (parsed.isEmpty()) {
                return new ParseResult.Failure(ParseError.at(positions.get("D"), Rule.INVALID_DATE,
                        "expiry D '" + d + "' is not a valid date YYMMDD"), repairs);
            }
            expiry = Optional.of(parsed.get().date());
            dayZero = parsed.get().dayWasZero();
        }
        for (String id : List.of("1T", "S")) {
            String v = fields.get(id);
            if (v != null && (v.isEmpty() || v.length() > 20)) {
                return new ParseResult.Failure(ParseError.at(positions.get(id),
                        v.isEmpty() ? Rule.TOO_SHORT : Rule.TOO_LONG, id + " must be 1 to 20 characters"), repairs);
            }
        }
        // Expressed as GS1 AIs as well, so downstream code sees one vocabulary.
        Map<String, String> ais = new LinkedHashMap<>();
        ais.put("01", gtin);
        if (fields.containsKey("D")) {
            ais.put("17", fields.get("D"));
        }
        if (fields.containsKey("1T")) {
            ais.put("10", fields.get("1T"));
        }
        if (fields.containsKey("S")) {
            ais.put("21", fields.get("S"));
        }
        pzn.ifPresent(z -> ais.put("710", z));
        Map<String, String> nhrn = pzn.map(z -> Map.of("710", z)).orElse(Map.of());
        NationalNumbers national = new NationalNumbers(pzn, ppn, nhrn, Optional.empty());
        return new ParseResult.Success(new ProductIdentifier(gtin, Optional.ofNullable(fields.get("S")),
                Optional.ofNullable(fields.get("1T")), expiry, dayZero, national, ais, symbology, repairs));
    }

    private static ParseResult fail(int pos, String message, List<Repair> repairs) {
        return new ParseResult.Failure(ParseError.at(pos, Rule.MALFORMED_ENVELOPE, message), repairs);
    }
}

package dev.packguard.scanner.gs1;

import dev.packguard.scanner.CheckDigits;
import dev.packguard.scanner.NationalNumbers;
import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ParseError.Rule;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.Repair;
import dev.packguard.scanner.Symbology;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns validated GS1 elements into a {@link ProductIdentifier}. */
public final class Gs1Identifiers {
    /** GS1 Germany's NTIN prefix for products identified by a PZN: 4150 + PZN + check digit (IFA). */
    static final String NTIN_PZN_PREFIX = "04150";

    private Gs1Identifiers() {
    }

    /**
     * The identifier of a pack whose code held {@code elements} (already checked by
     * {@link ElementRules}). Fails when there is no GTIN (AI 01): such a code does not identify
     * a trade item, or when AI 710 holds an 8-digit PZN with a wrong check digit.
     */
    public static ParseResult build(List<Element> elements, Symbology symbology, List<Repair> repairs, Year currentYear) {
        Map<String, String> ais = new LinkedHashMap<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (Element e : elements) {
            ais.putIfAbsent(e.ai(), e.value());
            positions.putIfAbsent(e.ai(), e.position());
        }
        String gtin = ais.get("01");
        if (gtin == null) {
            return new ParseResult.Failure(ParseError.at(0, Rule.NO_PRODUCT_CODE,
                    "the code has no GTIN (AI 01), so it does not identify a pack"
                            + (ais.isEmpty() ? "" : "; it holds " + String.join(", ", ais.keySet()))), repairs);
        }
        Optional<LocalDate> expiry = Optional.empty();
        boolean dayZero = false;
        String exp = ais.get("17");
        if (exp != null) {
            Gs1Dates.Yymmdd d = Gs1Dates.parse(exp, 0, true, currentYear).orElseThrow();
            expiry = Optional.of(d.date());
            dayZero = d.dayWasZero();
        }
        Map<String, String> nhrn = new LinkedHashMap<>();
        ais.forEach((ai, v) -> {
            if (ai.length() == 3 && ai.compareTo("710") >= 0 && ai.compareTo("715") <= 0) {
                nhrn.put(ai, v);
            }
        });
        Optional<String> pzn = Optional.empty();
        String pzn710 = ais.get("710");
        if (pzn710 != null && pzn710.length() == 8 && pzn710.chars().allMatch(Character::isDigit)) {
            if (!CheckDigits.isValidPzn(pzn710)) {
                return new ParseResult.Failure(ParseError.inAi("710", positions.get("710") + 3 + 7, Rule.CHECK_DIGIT,
                        "(710) PZN " + pzn710 + " has a wrong mod-11 check digit"), repairs);
            }
            pzn = Optional.of(pzn710);
        } else {
            pzn = pznFromNtin(gtin);
        }
        Optional<String> ndc = ndcFromGtin(gtin);
        if (ndc.isEmpty() && ais.containsKey("715")) {
            ndc = Optional.of(ais.get("715"));
        }
        NationalNumbers national = new NationalNumbers(pzn, Optional.empty(), nhrn, ndc);
        return new ParseResult.Success(new ProductIdentifier(gtin, Optional.ofNullable(ais.get("21")),
                Optional.ofNullable(ais.get("10")), expiry, dayZero, national, ais, symbology, repairs));
    }

    /** The PZN inside a German NTIN {@code 04150 + PZN(8) + check}, when its PZN check digit holds. */
    public static Optional<String> pznFromNtin(String gtin14) {
        if (gtin14.startsWith(NTIN_PZN_PREFIX)) {
            String pzn = gtin14.substring(5, 13);
            if (CheckDigits.isValidPzn(pzn)) {
                return Optional.of(pzn);
            }
        }
        return Optional.empty();
    }

    /**
     * The 10-digit US NDC inside a GTIN-14 {@code 0 03 NDC(10) check} (GS1 US healthcare
     * guideline: indicator 0, GS1 prefix 03 reserved for NDC/NHRIC, then the NDC).
     */
    public static Optional<String> ndcFromGtin(String gtin14) {
        return gtin14.startsWith("003") ? Optional.of(gtin14.substring(3, 13)) : Optional.empty();
    }

    /** A GTIN-8, -12, -13 or -14 left-padded to 14 digits (GS1 GenSpecs §4.3: GTINs right-justified in 14 digits). */
    public static Optional<String> toGtin14(String gtin) {
        if (!(gtin.length() == 8 || gtin.length() == 12 || gtin.length() == 13 || gtin.length() == 14)) {
            return Optional.empty();
        }
        String padded = "0".repeat(14 - gtin.length()) + gtin;
        return ProductIdentifier.isValidGtin14(padded) ? Optional.of(padded) : Optional.empty();
    }
}

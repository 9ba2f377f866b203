package dev.packguard.ledger.statement;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifier URIs in EPCIS documents: SGTIN and SGLN pure-identity URNs (GS1 Tag Data Standard
 * 2.x §6.3.1, §6.3.3), GS1 Digital Link URIs (AI 01+21, 414), and PackGuard's own
 * {@code urn:packguard:unit:v1:<commitment>} for units whose serial the exporter does not know.
 */
final class EpcisIds {
    static final String COMMITMENT_URN = "urn:packguard:unit:v1:";
    /** Longer identifiers are refused before any regular expression sees them (the Digital Link patterns backtrack). */
    private static final int MAX_URI = 512;
    private static final String DIGITAL_LINK = "https://id.gs1.org";
    private static final Pattern SGTIN = Pattern.compile("urn:epc:id:sgtin:(\\d{6,12})\\.(\\d{1,7})\\.(.{1,60})");
    private static final Pattern SGLN = Pattern.compile("urn:epc:id:sgln:(\\d{6,12})\\.(\\d{0,6})\\.0");
    private static final Pattern DL_UNIT = Pattern.compile("https://[^/]+(?:/[^?#]*)?/01/(\\d{14})/21/([^/?#]{1,60})");
    // Characters of set 82 that the GS1 Tag Data Standard percent-encodes inside EPC URIs.
    private static final String ESCAPED = "\"%&/<>?";
    private static final Pattern DL_GLN = Pattern.compile("https://[^/]+(?:/[^?#]*)?/414/(\\d{13})");

    private EpcisIds() {}

    /** SGTIN when the serial is known and a company prefix owns the GTIN; Digital Link when only the serial is known; else the commitment URN. */
    static String unit(UnitCommitment c, Optional<KnownUnit> known, Collection<CompanyPrefix> prefixes) {
        if (known.isEmpty()) {
            return COMMITMENT_URN + c.value();
        }
        Gtin gtin = known.get().gtin();
        String serial = escapeSerial(known.get().serial());
        return longest(prefixes, gtin.digits().substring(1))
                .map(p -> "urn:epc:id:sgtin:" + p.digits() + "." + gtin.digits().charAt(0)
                        + gtin.digits().substring(1 + p.digits().length(), 13) + "." + serial)
                .orElse(DIGITAL_LINK + "/01/" + gtin.digits() + "/21/" + serial);
    }

    /** SGLN when a company prefix matches the GLN, else a Digital Link (AI 414). */
    static String location(Gln gln, Collection<CompanyPrefix> prefixes) {
        return longest(prefixes, gln.digits())
                .map(p -> "urn:epc:id:sgln:" + p.digits() + "." + gln.digits().substring(p.digits().length(), 12) + ".0")
                .orElse(DIGITAL_LINK + "/414/" + gln.digits());
    }

    /** The party (PGLN) as a Digital Link (AI 417). */
    static String party(Gln pgln) {
        return DIGITAL_LINK + "/417/" + pgln.digits();
    }

    static Optional<Gln> parseParty(String uri) {
        return uri.startsWith(DIGITAL_LINK + "/417/") ? gln(uri.substring(DIGITAL_LINK.length() + 5)) : Optional.empty();
    }

    /** The unit a URI names: a commitment, or a (GTIN, serial) from an SGTIN or Digital Link. */
    static Optional<UnitCommitment> parseUnit(String uri) {
        if (uri.length() > MAX_URI) {
            return Optional.empty();
        }
        if (uri.startsWith(COMMITMENT_URN)) {
            return UnitCommitment.parse(uri.substring(COMMITMENT_URN.length()));
        }
        Matcher m = SGTIN.matcher(uri);
        if (m.matches() && m.group(1).length() + m.group(2).length() == 13) {
            String body = m.group(2).charAt(0) + m.group(1) + m.group(2).substring(1);
            return withCheckDigit(body).flatMap(g -> unescapeSerial(m.group(3)).flatMap(s -> commit(g, s)));
        }
        Matcher dl = DL_UNIT.matcher(uri);
        if (dl.matches() && Gtin.isValid(dl.group(1))) {
            return unescapeSerial(dl.group(2)).flatMap(s -> commit(new Gtin(dl.group(1)), s));
        }
        return Optional.empty();
    }

    /** The GTIN of a unit named in clear (SGTIN or Digital Link); empty for a commitment or anything else. */
    static Optional<Gtin> parseGtin(String uri) {
        if (uri.length() > MAX_URI) {
            return Optional.empty();
        }
        Matcher m = SGTIN.matcher(uri);
        if (m.matches() && m.group(1).length() + m.group(2).length() == 13) {
            return withCheckDigit(m.group(2).charAt(0) + m.group(1) + m.group(2).substring(1));
        }
        Matcher dl = DL_UNIT.matcher(uri);
        return dl.matches() && Gtin.isValid(dl.group(1)) ? Optional.of(new Gtin(dl.group(1))) : Optional.empty();
    }

    /** The GLN a location URI names (SGLN with extension 0, or Digital Link AI 414). */
    static Optional<Gln> parseLocation(String uri) {
        if (uri.length() > MAX_URI) {
            return Optional.empty();
        }
        Matcher m = SGLN.matcher(uri);
        if (m.matches() && m.group(1).length() + m.group(2).length() == 12) {
            String body = m.group(1) + m.group(2);
            int check = Gs1Digits.checkDigit(body);
            return gln(body + check);
        }
        Matcher dl = DL_GLN.matcher(uri);
        return dl.matches() ? gln(dl.group(1)) : Optional.empty();
    }

    private static Optional<UnitCommitment> commit(Gtin gtin, String serial) {
        return Gs1Digits.validCset82(serial, 20) ? Optional.of(UnitCommitment.of(gtin, serial)) : Optional.empty();
    }

    private static Optional<Gtin> withCheckDigit(String thirteen) {
        String gtin = thirteen + Gs1Digits.checkDigit(thirteen);
        return Gtin.isValid(gtin) ? Optional.of(new Gtin(gtin)) : Optional.empty();
    }

    private static Optional<Gln> gln(String digits) {
        return Gln.isValid(digits) ? Optional.of(new Gln(digits)) : Optional.empty();
    }

    private static Optional<CompanyPrefix> longest(Collection<CompanyPrefix> prefixes, String digits) {
        return prefixes.stream().filter(p -> p.digits().length() >= 6 && digits.startsWith(p.digits()))
                .max(Comparator.comparingInt(p -> p.digits().length()));
    }

    static String escapeSerial(String serial) {
        StringBuilder out = new StringBuilder();
        for (char c : serial.toCharArray()) {
            if (ESCAPED.indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static Optional<String> unescapeSerial(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int v;
                try {
                    v = Integer.parseInt(text.substring(i + 1, i + 3), 16);
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    return Optional.empty();
                }
                out.append((char) v);
                i += 2;
            } else {
                out.append(c);
            }
        }
        return Optional.of(out.toString());
    }
}

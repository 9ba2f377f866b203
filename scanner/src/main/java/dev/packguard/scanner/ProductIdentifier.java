package dev.packguard.scanner;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated pack identifier: what a scan said, after every check of the GS1 General
 * Specifications (§3 AI definitions, §7.9 check digits, §7.12 dates) and any repairs. Only the
 * parsers in this module create one from scanned data; the constructor still refuses values
 * that no valid scan could produce.
 *
 * @param gtin                  the GTIN as 14 digits with a valid check digit (GTIN-8/12/13
 *                              are left-padded with zeros; a PPN yields its NTIN 04150+PZN)
 * @param serial                AI 21 (or the PPN's {@code S})
 * @param lot                   AI 10 (or the PPN's {@code 1T})
 * @param expiry                AI 17 (or the PPN's {@code D}); DD=00 resolved to the month's last day
 * @param expiryDayUnspecified  true when the code said DD=00 (healthcare guidance asks for a real
 *                              day; accepted, but flagged)
 * @param nationalNumbers       PZN, PPN, NHRN (710–715), NDC
 * @param ais                   every AI → value, in the order of the scan
 * @param symbology             what the AIM identifier said, {@link Symbology#NONE} if absent
 * @param repairs               damage undone before the scan parsed, empty for an intact scan
 */
public record ProductIdentifier(
        String gtin,
        Optional<String> serial,
        Optional<String> lot,
        Optional<LocalDate> expiry,
        boolean expiryDayUnspecified,
        NationalNumbers nationalNumbers,
        Map<String, String> ais,
        Symbology symbology,
        List<Repair> repairs) {

    public ProductIdentifier {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(nationalNumbers, "nationalNumbers");
        Objects.requireNonNull(symbology, "symbology");
        if (!isValidGtin14(gtin)) {
            throw new IllegalArgumentException("not a GTIN-14 with a valid check digit: " + gtin);
        }
        if (expiryDayUnspecified && expiry.isEmpty()) {
            throw new IllegalArgumentException("expiryDayUnspecified without an expiry");
        }
        ais = Collections.unmodifiableMap(new LinkedHashMap<>(ais));
        repairs = List.copyOf(repairs);
    }

    /** True when the scan needed no repair. */
    public boolean intact() {
        return repairs.isEmpty();
    }

    /** True for 14 digits whose last is the GS1 mod-10 check digit of the first 13 (GS1 GenSpecs §7.9.1). */
    public static boolean isValidGtin14(String s) {
        if (s == null || s.length() != 14) {
            return false;
        }
        for (int i = 0; i < 14; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return CheckDigits.gs1Mod10(s, 13) == s.charAt(13) - '0';
    }
}

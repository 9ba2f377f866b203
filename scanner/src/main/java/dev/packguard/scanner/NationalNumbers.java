package dev.packguard.scanner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * National numbers carried by or derived from a pack code.
 *
 * @param pzn  German Pharmazentralnummer (8 digits, mod-11 checked): from AI 710, a PPN, or an
 *             NTIN {@code 04150…}
 * @param ppn  IFA Pharmacy Product Number (12 characters, mod-97 checked), when the code was a PPN
 * @param nhrn every national healthcare reimbursement number AI present (710–715 → value), in order
 * @param ndc  US National Drug Code (10 digits, no hyphens) derived from a GTIN-14 {@code 003…}
 *             (GS1 US: indicator 0, prefix 03, then the NDC) or taken from AI 715
 */
public record NationalNumbers(Optional<String> pzn, Optional<String> ppn, Map<String, String> nhrn, Optional<String> ndc) {
    public NationalNumbers {
        Objects.requireNonNull(pzn, "pzn");
        Objects.requireNonNull(ppn, "ppn");
        Objects.requireNonNull(ndc, "ndc");
        nhrn = Collections.unmodifiableMap(new LinkedHashMap<>(nhrn));
    }

    /** No national number at all. */
    public static NationalNumbers none() {
        return new NationalNumbers(Optional.empty(), Optional.empty(), Map.of(), Optional.empty());
    }
}

package dev.packguard.ledger.rules;

import java.util.Optional;

/**
 * Why a scan did not simply pass, one code per finding of the verification rules (DESIGN.md
 * "Verification: scan → verdict", docs/LEDGER.md "Verification rules"). Each code knows its
 * rule, whether it fails the unit, makes it unverifiable or only warns, the EU NMVS alert code
 * and the DSCSA VRS value (a {@code verificationFailureReason}, or the {@code additionalInfo}
 * value where VRS has no failure reason for it) where one exists, and what a pharmacist should
 * do. The names are a contract (scripts, the demo world's scenarios.json): never rename one.
 */
public enum ReasonCode {
    // Rule 1: well-formed code (found by the scanner module; reported through the same verdict).
    MALFORMED_CODE(1, Kind.FAIL, null, null,
            "The code on this pack could not be read as a valid medicine identifier. Scan it again; if it still fails, do not dispense and put the pack in quarantine."),
    BAD_CHECK_DIGIT(1, Kind.FAIL, null, null,
            "The product number in this code has a wrong check digit. Scan it again; if it still fails, do not dispense and put the pack in quarantine."),
    INVALID_DATE(1, Kind.FAIL, null, null,
            "The code on this pack holds a date that does not exist. Do not dispense. Put the pack in quarantine."),
    /** A warning: the code's expiry said day 00, read as the last day of the month (GS1 GenSpecs §7.12). */
    EXPIRY_DAY_UNSPECIFIED(1, Kind.WARNING, null, null,
            "The expiry date on this pack gives no day; it is read as the last day of the month."),

    // Rule 2: the ledger is usable.
    LEDGER_NOT_SYNCED(2, Kind.CANNOT_VERIFY, null, null,
            "This station has no verified copy of the ledger yet, so it cannot check any pack. Set the pack aside and sync the station."),
    LEDGER_TOO_OLD(2, Kind.CANNOT_VERIFY, null, null,
            "The station's copy of the ledger is older than the pharmacy allows. Set the pack aside and sync the station, or ask the pharmacist in charge."),
    LEDGER_SECURITY_ALERT(2, Kind.CANNOT_VERIFY, null, null,
            "The ledger sent this station contradictory data (a security alert). Stop verifying and call the pharmacist in charge."),
    /** A warning on a verdict: the ledger copy is older than the warning threshold but still usable. */
    LEDGER_STALE(2, Kind.WARNING, null, null,
            "The station's copy of the ledger is getting old. The check is still valid; sync the station soon."),

    // Rule 3: commissioned by the GTIN's manufacturer, lot and expiry as commissioned.
    UNKNOWN_SERIAL(3, Kind.FAIL, "NMVS_NC_PC_02", "No_match_GTIN_Serial",
            "This serial number was never issued by the manufacturer. Do not dispense. Put the pack in quarantine."),
    UNKNOWN_BATCH(3, Kind.FAIL, "NMVS_FE_LOT_03", "No_match_GTIN_Serial_Lot",
            "The batch number on this pack does not exist for this product. Do not dispense. Put the pack in quarantine."),
    BATCH_MISMATCH(3, Kind.FAIL, "NMVS_FE_LOT_13", "No_match_GTIN_Serial_Lot",
            "The batch number on this pack is not the one its serial number was made in. Do not dispense. Put the pack in quarantine."),
    EXPIRY_MISMATCH(3, Kind.FAIL, "NMVS_FE_LOT_12", "No_match_GTIN_Serial_Expiry",
            "The expiry date on this pack is not the one the manufacturer recorded. Do not dispense. Put the pack in quarantine."),
    WRONG_MANUFACTURER(3, Kind.FAIL, null, "Illegitimate",
            "This pack was registered by a company that does not own the product. Do not dispense. Put the pack in quarantine."),

    // Rule 4: every event of the unit is signed by a certified, unrevoked key.
    BAD_SIGNATURE(4, Kind.FAIL, null, "Suspect",
            "A record in this pack's history is forged (its signature does not match). Do not dispense. Put the pack in quarantine."),
    UNCERTIFIED_SIGNER(4, Kind.FAIL, null, "Suspect",
            "A record in this pack's history was signed by a company that is not certified for it. Do not dispense. Put the pack in quarantine."),
    REVOKED_SIGNER(4, Kind.FAIL, null, "Suspect",
            "A record in this pack's history was signed with a withdrawn key. Do not dispense. Put the pack in quarantine."),

    // Rule 5: custody.
    CUSTODY_GAP(5, Kind.FAIL, null, "Suspect",
            "This pack's chain of custody has a gap: it was not handed over as recorded. Do not dispense. Put the pack in quarantine."),
    NOT_IN_OUR_CUSTODY(5, Kind.FAIL, null, "Suspect",
            "This pack was delivered to another pharmacy or is still with a supplier, not with us. Do not dispense. Put the pack in quarantine."),

    // Rule 6: status.
    RECALLED(6, Kind.FAIL, "NMVS_NC_PCK_22", "Recalled",
            "This pack is recalled. Do not dispense. Put the pack in quarantine for return."),
    STOLEN(6, Kind.FAIL, "NMVS_NC_PCK_22", "Suspect",
            "This pack was reported stolen. Do not dispense. Put the pack in quarantine."),
    DESTROYED(6, Kind.FAIL, "NMVS_NC_PCK_22", null,
            "This pack was recorded as destroyed, so this one cannot be genuine. Do not dispense. Put the pack in quarantine."),
    /** Decommissioned as a sample or for export: no longer saleable here. */
    DECOMMISSIONED(6, Kind.FAIL, "NMVS_NC_PCK_22", null,
            "This pack was taken out of the supply chain (sample or export). Do not dispense. Put the pack in quarantine."),
    SUSPECT(6, Kind.FAIL, null, "Suspect",
            "This pack was reported as suspect product. Do not dispense. Put the pack in quarantine."),
    ALREADY_DISPENSED(6, Kind.FAIL, "NMVS_NC_PCK_22", null,
            "This pack was already dispensed to a patient; this may be a copy. Do not dispense. Put the pack in quarantine."),
    NOT_DISPENSED_HERE(6, Kind.FAIL, "NMVS_NC_PCK_21", null,
            "This pack was not dispensed by this pharmacy, so it cannot be taken back here. Put the pack in quarantine."),
    /** Return mode: the unit was never dispensed by anyone (or its dispense was undone). */
    NOT_DISPENSED(6, Kind.FAIL, "NMVS_NC_PCK_06", null,
            "This pack was never dispensed, so it cannot be a patient return. Put the pack in quarantine."),
    RETURN_WINDOW_EXCEEDED(6, Kind.FAIL, "NMVS_NC_PCK_20", null,
            "This pack was dispensed too long ago to be returned to stock. Put the pack in quarantine for destruction."),

    // Rule 7: dates.
    EXPIRED(7, Kind.FAIL, null, "Expired",
            "This pack has expired. Do not dispense. Put the pack in quarantine for destruction."),
    SHELF_LIFE_TOO_SHORT(7, Kind.FAIL, null, null,
            "This pack expires before the patient's supply runs out. Do not pack it; pick a pack with a later expiry date."),

    // Rule 8: the order.
    NOT_ON_ORDER(8, Kind.FAIL, null, null,
            "This product is not on the open order. Do not pack it; put it back and check the order."),
    QUANTITY_EXCEEDED(8, Kind.FAIL, null, null,
            "The order already has all the packs of this product it needs. Do not pack it; put it back."),
    DUPLICATE_SCAN(8, Kind.FAIL, null, null,
            "This very pack was already scanned for this order. Do not pack it twice.");

    /** What a code does to the verdict. */
    public enum Kind {
        /** The unit fails: {@link Verdict.Fail}. */
        FAIL,
        /** The station cannot decide: {@link Verdict.CannotVerify}. */
        CANNOT_VERIFY,
        /** Shown with the verdict; does not change it. */
        WARNING
    }

    private final int rule;
    private final Kind kind;
    private final String nmvs;
    private final String vrs;
    private final String advice;

    ReasonCode(int rule, Kind kind, String nmvs, String vrs, String advice) {
        this.rule = rule;
        this.kind = kind;
        this.nmvs = nmvs;
        this.vrs = vrs;
        this.advice = advice;
    }

    /** The DESIGN.md rule (1–8) that produces this code. */
    public int rule() {
        return rule;
    }

    /** Fail, cannot verify, or warning. */
    public Kind kind() {
        return kind;
    }

    /** The EU NMVS alert code with the same meaning, if there is one (DOMAIN.md "EU NMVS alert codes"). */
    public Optional<String> nmvs() {
        return Optional.ofNullable(nmvs);
    }

    /** The DSCSA VRS value with the same meaning, if there is one (DOMAIN.md "DSCSA VRS"). */
    public Optional<String> vrs() {
        return Optional.ofNullable(vrs);
    }

    /** What happened and what to do, in words for the pharmacist at the bench. */
    public String advice() {
        return advice;
    }
}

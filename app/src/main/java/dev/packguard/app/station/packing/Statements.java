package dev.packguard.app.station.packing;

import dev.packguard.app.station.signing.StationSigner;
import dev.packguard.app.station.signing.StationSigning;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.Suspicion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The station's own statements as the {@link Outbox} holds them: signed entries in their RFC 8785
 * canonical form (docs/LEDGER.md "Statements"), exactly what the node's {@code /add} takes. The
 * unit is named by its commitment; no order id, patient, prescription or free text enters the log
 * (the reasons and evidence of a suspect report stay in the station's audit log).
 */
public final class Statements {
    // Findings that make a pack suspect product in the DSCSA sense (FD&C Act §581(21)), by reason code.
    private static final Set<String> COUNTERFEIT = Set.of("UNKNOWN_SERIAL", "UNKNOWN_BATCH", "BATCH_MISMATCH",
            "EXPIRY_MISMATCH", "WRONG_MANUFACTURER", "BAD_SIGNATURE", "UNCERTIFIED_SIGNER", "REVOKED_SIGNER",
            "ALREADY_DISPENSED", "DESTROYED", "DECOMMISSIONED", "SUSPECT");
    // A "patient return" that was never dispensed, or dispensed elsewhere, came from outside our chain.
    private static final Set<String> DIVERTED = Set.of("CUSTODY_GAP", "NOT_IN_OUR_CUSTODY", "NOT_DISPENSED",
            "NOT_DISPENSED_HERE");

    private Statements() {
    }

    /** A signed dispensing of one unit (CBV dispensing / dispensed). */
    static String dispense(UnitKey key, Instant at, StationSigner signer) {
        return text(signer.dispense(key.gtin(), key.serial(), at));
    }

    /** A signed undo of the dispense of {@code key} at log index {@code dispenseIndex} (EU: within 10 days). */
    static String undo(UnitKey key, Instant at, long dispenseIndex, StationSigner signer) {
        return text(signer.undo(key.gtin(), key.serial(), at, dispenseIndex));
    }

    /** A signed suspect-product report for a unit held in quarantine here. */
    static String suspect(UnitKey key, Instant at, Suspicion suspicion, StationSigner signer) {
        return text(signer.suspect(key.gtin(), key.serial(), at, suspicion));
    }

    /**
     * A signed suspect-product report for a unit the caller has decided is suspect (the returns
     * bench), as the station's signing key allows: the suspicion comes from the failed verdict's
     * findings ({@link #suspicion}), counterfeit when they say nothing more specific. The
     * {@code reasons} are not sent (no free text enters the log); they belong on the audit log.
     *
     * @throws IllegalStateException when the station cannot sign: check {@code settings.signing().status()} first
     */
    public static String suspect(UnitKey key, Instant at, PackingSettings settings, UnitVerdict verdict,
            List<String> reasons) {
        if (!(settings.signing().status() instanceof StationSigning.Status.Ready ready)) {
            throw new IllegalStateException("no usable signing key: " + settings.signing().status());
        }
        Suspicion s = verdict instanceof UnitVerdict.Fail f ? suspicion(f.reasons()).orElse(Suspicion.COUNTERFEIT)
                : Suspicion.COUNTERFEIT;
        return suspect(key, at, s, ready.signer());
    }

    /**
     * A signed return to stock: a unit this pharmacy dispensed came back unopened within the
     * return window and is saleable again ({@code dispense_return}, docs/LEDGER.md). Queue it with
     * {@code outbox.add(at, new Outbox.NewEntry(Outbox.Kind.RETURNED, key.toString(), payload))}.
     *
     * @throws IllegalStateException when the station cannot sign: check {@code settings.signing().status()}
     *         first and show its {@code Unavailable.why()} instead of recording the return
     */
    public static String returned(UnitKey key, Instant at, PackingSettings settings) {
        if (!(settings.signing().status() instanceof StationSigning.Status.Ready ready)) {
            throw new IllegalStateException("no usable signing key: " + settings.signing().status());
        }
        return text(ready.signer().returnToStock(key.gtin(), key.serial(), at));
    }

    /**
     * What the failed verdict's findings make the pack, for a suspect-product report: counterfeit
     * (not genuine, or a copy of a pack already dispensed), diverted (outside the recorded chain of
     * custody) or stolen; empty when the findings say nothing about where the pack came from
     * (expired, recalled, wrong order) and no report is due.
     */
    static Optional<Suspicion> suspicion(List<UnitVerdict.Reason> reasons) {
        if (reasons.stream().anyMatch(r -> r.code().equals("STOLEN"))) {
            return Optional.of(Suspicion.STOLEN);
        }
        if (reasons.stream().anyMatch(r -> COUNTERFEIT.contains(r.code()))) {
            return Optional.of(Suspicion.COUNTERFEIT);
        }
        if (reasons.stream().anyMatch(r -> DIVERTED.contains(r.code()))) {
            return Optional.of(Suspicion.DIVERTED);
        }
        return Optional.empty();
    }

    private static String text(SignedStatement entry) {
        return new String(entry.encode(), StandardCharsets.UTF_8);
    }
}

package dev.packguard.app.station.returns;

import dev.packguard.app.config.StationConfig;
import dev.packguard.app.station.packing.LedgerVerifier;
import dev.packguard.app.station.packing.UnitVerdict;
import dev.packguard.app.verification.ScanVerifier;
import dev.packguard.app.verification.TrustAnchor;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorStoreException;
import dev.packguard.ledger.pki.ConsortiumRoot;
import dev.packguard.ledger.pki.Parse;
import dev.packguard.ledger.rules.Mode;
import dev.packguard.ledger.rules.ReasonCode;
import dev.packguard.ledger.rules.StationContext;
import dev.packguard.ledger.rules.UnitScan;
import dev.packguard.ledger.rules.UnitVerifier;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Gtin;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.scanner.ProductIdentifier;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The returns bench's {@link ReturnVerifier}: the ledger-client rules over the station's verified
 * mirror in {@link Mode#RETURN} (DESIGN.md rule 6: dispensed here, inside the return window), with
 * no order. Verdicts are mapped to the station's form as packing maps them.
 */
public final class LedgerReturnVerifier implements ReturnVerifier {
    // A unit no log holds (GTIN of zeros): verifying it touches every shared structure and no unit's history.
    private static final UnitScan PROBE = new UnitScan(new Gtin("00000000000000"), "0", new Lot("0"),
            LocalDate.of(2099, 12, 31), false);

    private final UnitVerifier rules;
    private final Gln pharmacy;
    private final StationContext.Policies policies;
    private final Clock clock;

    /** Verifies with {@code rules} as pharmacy {@code pharmacy} under {@code policies}, at {@code clock}'s time and zone. */
    public LedgerReturnVerifier(UnitVerifier rules, Gln pharmacy, StationContext.Policies policies, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.pharmacy = Objects.requireNonNull(pharmacy, "pharmacy");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The verifier for {@code config}: the rules over {@code store} (an indexed mirror) trusting
     * the configured consortium root, or one that answers CANNOT_VERIFY saying what is missing.
     * The rules get their own instance (its own party directory and caches), whose directory is
     * built here so the first return does not pay for it (0.7 s under load, JIT already warm
     * from packing). Reads the trust anchor file and the mirror: call off the FX thread.
     */
    public static ReturnVerifier forStation(StationConfig config, MirrorStore store, Clock clock) {
        if (config.ledger().trustAnchor().isEmpty()) {
            return ReturnVerifier.unverifiable("The station configuration sets no ledger.trustAnchor (the consortium "
                    + "root certificate), so no party's statements can be trusted.");
        }
        Parse<ConsortiumRoot> root = TrustAnchor.load(config.ledger().trustAnchor().get());
        if (root instanceof Parse.Unusable<ConsortiumRoot> u) {
            return ReturnVerifier.unverifiable(u.reason());
        }
        StationContext.Policies policies = new StationContext.Policies(config.ledger().warnAfter(),
                config.ledger().blockAfter(), config.rules().minShelfLifeDays(), config.rules().returnWindowDays(),
                config.rules().undoWindowDays());
        UnitVerifier rules = new UnitVerifier(store, root.orElseThrow());
        Gln pharmacy = new Gln(config.station().pharmacyGln());
        try {
            // One probe builds this instance's party directory. Not prepare(): its JIT warm-up is
            // done already by packing's instance, and repeating it held the worker for seconds.
            rules.verify(PROBE, Mode.RETURN, new StationContext(pharmacy, clock.instant(), clock.getZone(), policies),
                    Optional.empty());
        } catch (MirrorStoreException e) {
            return ReturnVerifier.unverifiable(e.getMessage());
        }
        return new LedgerReturnVerifier(rules, pharmacy, policies, clock);
    }

    @Override
    public UnitVerdict verify(ProductIdentifier unit) {
        return verify(unit, policies);
    }

    /** With the blocking age raised to {@code maxLedgerAge} (never lowered); a security alert still blocks (rule 2). */
    @Override
    public UnitVerdict verify(ProductIdentifier unit, java.time.Duration maxLedgerAge) {
        StationContext.Policies p = policies;
        java.time.Duration block = maxLedgerAge.compareTo(p.blockAfter()) > 0 ? maxLedgerAge : p.blockAfter();
        return verify(unit, new StationContext.Policies(p.warnAfter(), block, p.minShelfLifeDays(),
                p.returnWindowDays(), p.undoWindowDays()));
    }

    private UnitVerdict verify(ProductIdentifier unit, StationContext.Policies policies) {
        Optional<UnitScan> scan = ScanVerifier.toUnit(unit);
        if (scan.isEmpty()) {
            return LedgerVerifier.map(UnitVerifier.unreadable(ReasonCode.MALFORMED_CODE,
                    "a medicine pack carries GTIN, serial, batch and expiry; this code lacks one of them"));
        }
        try {
            return LedgerVerifier.map(rules.verify(scan.get(), Mode.RETURN,
                    new StationContext(pharmacy, clock.instant(), clock.getZone(), policies), Optional.empty()));
        } catch (MirrorStoreException e) {
            return new UnitVerdict.CannotVerify(new UnitVerdict.Reason("MIRROR_UNREADABLE",
                    "The station's copy of the ledger cannot be read: " + e.getMessage()), UnitVerdict.Evidence.none());
        }
    }
}

package dev.packguard.app.station.packing;

import dev.packguard.app.station.CheckpointRef;
import dev.packguard.app.station.signing.StationSigning;
import dev.packguard.app.verification.ScanVerifier;
import dev.packguard.ledger.mirror.MirrorStoreException;
import dev.packguard.ledger.pki.Authorization;
import dev.packguard.ledger.rules.CustodyStep;
import dev.packguard.ledger.rules.Mode;
import dev.packguard.ledger.rules.OrderContext;
import dev.packguard.ledger.rules.Reason;
import dev.packguard.ledger.rules.ReasonCode;
import dev.packguard.ledger.rules.StationContext;
import dev.packguard.ledger.rules.UnitScan;
import dev.packguard.ledger.rules.Verdict;
import dev.packguard.ledger.rules.VerdictEvidence;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Role;
import dev.packguard.scanner.ProductIdentifier;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The packing workflow's {@link UnitVerifier} backed by the ledger-client rules
 * ({@link dev.packguard.ledger.rules.UnitVerifier}, DESIGN.md rules 1–7) over the station's
 * verified mirror, in {@link Mode#PACK}. Rule 8 (the order: wrong product, quantity, duplicate)
 * stays with {@link PackingSession}, which gives each its own block and screen; the rules get
 * only the days' supply of the order line, for the expiry rule.
 */
public final class LedgerVerifier implements UnitVerifier {
    private final dev.packguard.ledger.rules.UnitVerifier rules;
    private final Gln pharmacy;
    private final StationContext.Policies policies;
    private final Clock clock;

    public LedgerVerifier(dev.packguard.ledger.rules.UnitVerifier rules, Gln pharmacy, StationContext.Policies policies,
            Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.pharmacy = Objects.requireNonNull(pharmacy, "pharmacy");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Where the station's signing key is looked up: the same rules' party directory over the same mirror. */
    public StationSigning.Registry registry() {
        return rules::registeredCertificate;
    }

    @Override
    public UnitVerdict verify(ProductIdentifier unit, int daysSupply) {
        return verify(unit, daysSupply, policies);
    }

    /** With the blocking age raised to {@code maxLedgerAge} (never lowered); a security alert still blocks (rule 2). */
    @Override
    public UnitVerdict verify(ProductIdentifier unit, int daysSupply, java.time.Duration maxLedgerAge) {
        StationContext.Policies p = policies;
        java.time.Duration block = maxLedgerAge.compareTo(p.blockAfter()) > 0 ? maxLedgerAge : p.blockAfter();
        return verify(unit, daysSupply, new StationContext.Policies(p.warnAfter(), block, p.minShelfLifeDays(),
                p.returnWindowDays(), p.undoWindowDays()));
    }

    private UnitVerdict verify(ProductIdentifier unit, int daysSupply, StationContext.Policies policies) {
        Optional<UnitScan> scan = ScanVerifier.toUnit(unit);
        if (scan.isEmpty()) {
            return map(dev.packguard.ledger.rules.UnitVerifier.unreadable(ReasonCode.MALFORMED_CODE,
                    "a medicine pack carries GTIN, serial, batch and expiry; this code lacks one of them"));
        }
        // The session applies the order rule itself; this one-line order only carries the days' supply.
        OrderContext supply = new OrderContext(Map.of(scan.get().gtin(), Integer.MAX_VALUE), daysSupply, List.of());
        try {
            return map(rules.verify(scan.get(), Mode.PACK, new StationContext(pharmacy, clock.instant(), clock.getZone(),
                    policies), Optional.of(supply)));
        } catch (MirrorStoreException e) {
            return new UnitVerdict.CannotVerify(new UnitVerdict.Reason("MIRROR_UNREADABLE",
                    "The station's copy of the ledger cannot be read: " + e.getMessage()), UnitVerdict.Evidence.none());
        }
    }

    /** The station's form of a rules verdict: reasons in plain language with their NMVS codes, and the evidence. */
    public static UnitVerdict map(Verdict v) {
        UnitVerdict.Evidence evidence = evidence(v.evidence());
        if (v instanceof Verdict.Pass p) {
            return new UnitVerdict.Pass(evidence, Optional.empty(), custody(p.custody()), reasons(p.warnings()));
        }
        if (v instanceof Verdict.Fail f) {
            return new UnitVerdict.Fail(reasons(f.reasons()), evidence, custody(f.custody()));
        }
        Verdict.CannotVerify c = (Verdict.CannotVerify) v;
        return new UnitVerdict.CannotVerify(reason(c.reason()), evidence);
    }

    /** The chain as the station shows it: names, words, the acting party's GLN and role, the log index. */
    static List<UnitVerdict.CustodyStep> custody(List<CustodyStep> steps) {
        return steps.stream().map(s -> new UnitVerdict.CustodyStep(s.actor().label(), s.summary(), s.time(), s.trusted(),
                Optional.of(s.actor().gln().digits()), s.actor().role().map(LedgerVerifier::role), OptionalLong.of(s.index()),
                s.trust() instanceof CustodyStep.Trust.NotVerified n ? untrusted(n.failure()) : "")).toList();
    }

    /** Why a step is not trusted, for the pharmacist (docs/LEDGER.md "Party certificates and the directory"). */
    static String untrusted(Authorization.Failure f) {
        return switch (f) {
            case UNKNOWN_KEY -> "signed by a key the consortium never certified";
            case OTHER_PARTY -> "signed with another party's key";
            case WRONG_ROLE -> "the signer's role may not record this";
            case CERTIFICATE_NOT_VALID -> "the signer's certificate was not valid at the time";
            case REVOKED -> "the signer's key was revoked";
            case BAD_SIGNATURE -> "the signature does not match: forged or altered";
        };
    }

    private static UnitVerdict.PartyRole role(Role r) {
        return switch (r) {
            case MANUFACTURER -> UnitVerdict.PartyRole.MANUFACTURER;
            case WHOLESALER -> UnitVerdict.PartyRole.WHOLESALER;
            case DISPENSER -> UnitVerdict.PartyRole.PHARMACY;
            case REGULATOR -> UnitVerdict.PartyRole.REGULATOR;
        };
    }

    private static List<UnitVerdict.Reason> reasons(List<Reason> rs) {
        return rs.stream().map(LedgerVerifier::reason).toList();
    }

    private static UnitVerdict.Reason reason(Reason r) {
        return new UnitVerdict.Reason(r.code().name(), r.message(), r.code().nmvs());
    }

    private static UnitVerdict.Evidence evidence(VerdictEvidence e) {
        return new UnitVerdict.Evidence(e.checkpoint().map(c -> new CheckpointRef(c.origin(), c.size(), c.rootHash().hex())),
                e.entries());
    }
}

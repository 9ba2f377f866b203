package dev.packguard.app.station.packing;

import dev.packguard.scanner.ProductIdentifier;

/**
 * The verifier of a station whose build has no verification rules yet: every unit is
 * CANNOT_VERIFY, which blocks it. Never a pass without proof.
 */
public final class RulesNotInstalled implements UnitVerifier {
    @Override
    public UnitVerdict verify(ProductIdentifier unit, int daysSupply) {
        return new UnitVerdict.CannotVerify(new UnitVerdict.Reason("RULES_UNAVAILABLE",
                "This PackGuard build cannot verify packs: its verification rules are not installed."),
                UnitVerdict.Evidence.none());
    }
}

package dev.packguard.ledger.rules;

import dev.packguard.ledger.pki.Authorization;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Rule 4, signatures: every event of the unit's history verifies, and its signer was certified
 * by the consortium root for the party and a role allowed for the statement type, and not
 * revoked, at the statement's eventTime (docs/LEDGER.md "Party certificates and the directory").
 * One reason per kind of failure, naming every entry that has it.
 */
public final class SignatureRule {
    private SignatureRule() {}

    /** The findings; empty when every event is trusted. */
    public static List<Reason> check(UnitHistory h) {
        Map<ReasonCode, List<Long>> found = new EnumMap<>(ReasonCode.class);
        for (LoggedEvent e : h.events()) {
            if (e.authorization() instanceof Authorization.Unauthorized u) {
                found.computeIfAbsent(code(u.failure()), c -> new ArrayList<>()).add(e.index());
            }
        }
        List<Reason> out = new ArrayList<>();
        found.forEach((code, indices) -> out.add(new Reason(code, "entries " + indices)));
        return out;
    }

    /** The reason code for a directory refusal. */
    static ReasonCode code(Authorization.Failure failure) {
        return switch (failure) {
            case BAD_SIGNATURE -> ReasonCode.BAD_SIGNATURE;
            case REVOKED -> ReasonCode.REVOKED_SIGNER;
            case UNKNOWN_KEY, OTHER_PARTY, WRONG_ROLE, CERTIFICATE_NOT_VALID -> ReasonCode.UNCERTIFIED_SIGNER;
        };
    }
}

package dev.packguard.ledger.rules;

import dev.packguard.ledger.pki.Authorization;
import dev.packguard.ledger.statement.Event;
import java.util.Objects;

/**
 * An event from the verified log, with its log index and whether its signer was authorized to
 * make it (docs/LEDGER.md "Party certificates and the directory"). Only trusted events count for
 * rules 3, 5 and 6; untrusted ones are what rule 4 reports.
 */
public record LoggedEvent(long index, Event event, Authorization authorization) {
    /** Requires every field. */
    public LoggedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(authorization, "authorization");
    }

    /** True when the signer was certified, unrevoked, in an allowed role, and the signature verified. */
    public boolean trusted() {
        return authorization instanceof Authorization.Authorized;
    }
}

package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Revokes one key of {@code party} from {@code effectiveTime} on: statements it signs with an
 * eventTime at or after that instant are not trusted. The effective time may precede the
 * eventTime (a compromise found late). Signed by any key of the same party that is itself
 * trusted at eventTime, or by the consortium root key.
 */
public record KeyRevocation(Gln party, Instant eventTime, KeyId keyId, Instant effectiveTime,
        RevocationReason reason) implements Statement {
    /** Wire name of the type. */
    public static final String TYPE = "key_revocation";

    /** Requires every field; times in whole milliseconds. */
    public KeyRevocation {
        Checks.header(party, eventTime);
        Objects.requireNonNull(keyId, "keyId");
        Times.require(Objects.requireNonNull(effectiveTime, "effectiveTime"), "effectiveTime");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<Role> signerRoles() {
        return EnumSet.allOf(Role.class);
    }
}

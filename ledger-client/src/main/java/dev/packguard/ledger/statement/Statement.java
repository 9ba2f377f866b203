package dev.packguard.ledger.statement;

import java.time.Instant;
import java.util.Set;

/**
 * The body of one log entry, version 1 (docs/LEDGER.md "Statements"). Either a fact about the
 * consortium's parties (registration, key revocation) or a supply-chain {@link Event}.
 *
 * <p>There is deliberately no field for free text, patients or prescriptions: every value is an
 * identifier, a code from a closed list, a time or a commitment.
 */
public sealed interface Statement permits PartyRegistration, KeyRevocation, Event {
    /** The only statement version this code reads and writes. */
    int VERSION = 1;


    /** The wire name of the type ({@code "type"} field). */
    String type();

    /** The party (its PGLN) the statement is about and, except for a revocation by the consortium, that signs it. */
    Gln party();

    /** When the statement was made, UTC, millisecond precision. */
    Instant eventTime();

    /** The roles whose certified keys may sign this statement for {@link #party()}. */
    Set<Role> signerRoles();
}

package dev.packguard.ledger.pki;

import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.SigningKey;
import dev.packguard.ledger.statement.Statement;

/**
 * One party of the {@link TestConsortium}: its certified profile, its signing key, its certificate
 * and its signed registration entry.
 *
 * @param site the party's operational location GLN (plant, warehouse, pharmacy), distinct from its PGLN
 */
public record TestParty(PartyProfile profile, Gln site, SigningKey key, PartyCertificate certificate,
        SignedStatement registration) {
    /** The party id (PGLN). */
    public Gln partyId() {
        return profile.partyId();
    }

    /** Signs {@code statement} with this party's key. */
    public SignedStatement sign(Statement statement) {
        return key.sign(statement);
    }
}

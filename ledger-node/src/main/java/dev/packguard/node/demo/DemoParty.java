package dev.packguard.node.demo;

import dev.packguard.ledger.pki.PartyCertificate;
import dev.packguard.ledger.pki.PartyProfile;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.statement.SigningKey;
import java.util.Objects;

/**
 * One party of the demo consortium.
 *
 * @param id short file-name-safe name ({@code keys/<id>.key.pem})
 * @param profile what the consortium CA certified
 * @param site the location GLN where it handles goods (plant, warehouse, pharmacy), distinct from its PGLN
 * @param key its statement-signing key
 * @param certificate its party certificate
 * @param registration its signed {@code party_registration} entry
 */
public record DemoParty(String id, PartyProfile profile, Gln site, SigningKey key, PartyCertificate certificate,
        SignedStatement registration) {
    public DemoParty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(registration, "registration");
        if (!profile.glns().contains(site)) {
            throw new IllegalArgumentException("site " + site + " is not one of the party's certified GLNs");
        }
    }

    /** The party id (PGLN). */
    public Gln partyId() {
        return profile.partyId();
    }

    /** The display name. */
    public String name() {
        return profile.name();
    }
}

package dev.packguard.ledger.rules;

import dev.packguard.ledger.pki.PartyCertificate;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Role;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The locations each registered party operates, from the admitted certificates (the CA vouches for
 * the GLNs in them), for the custody rule: a party can only ship from, receive at or dispense at
 * a location of its own.
 */
public final class Parties {
    private final Map<Gln, Set<Gln>> locations = new HashMap<>();
    private final Map<Gln, Role> roles = new HashMap<>();
    private final Map<Gln, CustodyStep.Actor> actors = new HashMap<>();
    // Location GLN → the party certified for it, as shown on a custody step.
    private final Map<Gln, CustodyStep.Actor> sites = new HashMap<>();

    /** Built from every admitted certificate. */
    public Parties(List<PartyCertificate> certificates) {
        for (PartyCertificate c : certificates) {
            Gln party = c.profile().partyId();
            Set<Gln> set = locations.computeIfAbsent(party, p -> new HashSet<>(Set.of(p)));
            set.addAll(c.profile().glns());
            roles.put(party, c.profile().role());
            // The latest admitted certificate names the party; a renewal may carry a new name.
            CustodyStep.Actor actor = new CustodyStep.Actor(party, Optional.of(c.profile().name()), Optional.of(c.profile().role()));
            actors.put(party, actor);
            for (Gln site : set) {
                sites.put(site, new CustodyStep.Actor(site, actor.name(), actor.role()));
            }
        }
    }

    /** The party with PGLN {@code party} as registered; without a name or role when none is registered. */
    public CustodyStep.Actor party(Gln party) {
        CustodyStep.Actor known = actors.get(party);
        return known != null ? known : new CustodyStep.Actor(party, Optional.empty(), Optional.empty());
    }

    /** The location {@code gln} with the name and role of the party certified for it; bare when none is. */
    public CustodyStep.Actor location(Gln gln) {
        CustodyStep.Actor known = sites.get(gln);
        return known != null ? known : new CustodyStep.Actor(gln, Optional.empty(), Optional.empty());
    }

    /** The party's PGLN and every GLN its certificates name; empty for an unknown party. */
    public Set<Gln> locationsOf(Gln party) {
        return locations.getOrDefault(party, Set.of());
    }

    /**
     * The locations that count as "this pharmacy" for a station configured with {@code pharmacyGln}:
     * the GLN itself and, for the dispenser whose PGLN or certified location it is, all that
     * dispenser's locations.
     */
    public Set<Gln> ours(Gln pharmacyGln) {
        Set<Gln> out = new HashSet<>(Set.of(pharmacyGln));
        locations.forEach((party, glns) -> {
            if (roles.get(party) == Role.DISPENSER && glns.contains(pharmacyGln)) {
                out.addAll(glns);
            }
        });
        return out;
    }
}

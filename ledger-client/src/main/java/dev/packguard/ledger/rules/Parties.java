package dev.packguard.ledger.rules;

import dev.packguard.ledger.pki.PartyCertificate;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Role;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The locations each registered party operates, from the admitted certificates (the CA vouches for
 * the GLNs in them), for the custody rule: a party can only ship from, receive at or dispense at
 * a location of its own.
 */
public final class Parties {
    private final Map<Gln, Set<Gln>> locations = new HashMap<>();
    private final Map<Gln, Role> roles = new HashMap<>();

    /** Built from every admitted certificate. */
    public Parties(List<PartyCertificate> certificates) {
        for (PartyCertificate c : certificates) {
            Gln party = c.profile().partyId();
            Set<Gln> set = locations.computeIfAbsent(party, p -> new HashSet<>(Set.of(p)));
            set.addAll(c.profile().glns());
            roles.put(party, c.profile().role());
        }
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

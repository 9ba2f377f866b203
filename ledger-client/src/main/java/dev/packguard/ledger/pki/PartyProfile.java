package dev.packguard.ledger.pki;

import dev.packguard.ledger.statement.CompanyPrefix;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Gtin;
import dev.packguard.ledger.statement.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the consortium CA certifies about a party: its PGLN (the party id), display name, role, the
 * GS1 company prefixes it owns (so only it may commission those GTINs) and its location GLNs.
 *
 * @param name 1..64 printable characters, for people; never used in a decision
 */
public record PartyProfile(Gln partyId, String name, Role role, List<CompanyPrefix> companyPrefixes, List<Gln> glns) {
    /** Sorts the sets; rejects duplicates and an empty or overlong name. */
    public PartyProfile {
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (name.isBlank() || name.length() > 64 || !name.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("name must be 1..64 printable ASCII characters: " + name);
        }
        companyPrefixes = sortedDistinct(companyPrefixes, "companyPrefixes");
        glns = sortedDistinct(glns, "glns");
    }

    /** True when one of the party's company prefixes owns {@code gtin}. */
    public boolean owns(Gtin gtin) {
        return companyPrefixes.stream().anyMatch(p -> p.owns(gtin));
    }

    private static <T extends Comparable<? super T>> List<T> sortedDistinct(List<T> items, String what) {
        List<T> sorted = new ArrayList<>(Objects.requireNonNull(items, what));
        Collections.sort(sorted);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).compareTo(sorted.get(i)) == 0) {
                throw new IllegalArgumentException(what + " holds a duplicate: " + sorted.get(i));
            }
        }
        return List.copyOf(sorted);
    }
}

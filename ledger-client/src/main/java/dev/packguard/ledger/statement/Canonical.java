package dev.packguard.ledger.statement;

import java.util.Collections;
import java.util.List;

/** Lists in statements are sets: one encoding per set, so they are sorted and distinct. */
final class Canonical {
    private Canonical() {}

    static <T extends Comparable<? super T>> List<T> sortedDistinct(List<T> items, String what) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        Collections.sort(items);
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i - 1).compareTo(items.get(i)) == 0) {
                throw new IllegalArgumentException(what + " holds a duplicate: " + items.get(i));
            }
        }
        return List.copyOf(items);
    }

    /** True when the list is strictly ascending, which is how it must appear on the wire. */
    static <T extends Comparable<? super T>> boolean strictlyAscending(List<T> items) {
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i - 1).compareTo(items.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }
}

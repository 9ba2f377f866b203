package dev.packguard.ledger.statement;

import java.util.Locale;
import java.util.Optional;

/** Closed code lists in statements are written as the lower-case constant name. */
public interface WireEnum {
    /** The constant's name as written in statements. */
    default String wireName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} written as {@code name}, if any. */
    static <E extends Enum<E> & WireEnum> Optional<E> fromWireName(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.wireName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}

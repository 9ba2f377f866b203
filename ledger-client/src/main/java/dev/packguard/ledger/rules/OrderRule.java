package dev.packguard.ledger.rules;

import dev.packguard.ledger.statement.KnownUnit;
import java.util.List;
import java.util.Optional;

/**
 * Rule 8, the order: the GTIN is on the open order, this very unit has not been accepted into it
 * already, and the line's quantity is not exceeded. Without an order (a lookup at the bench, a
 * return) there is nothing to check.
 */
public final class OrderRule {
    private OrderRule() {}

    /** The finding, if any. */
    public static List<Reason> check(UnitScan scan, Optional<OrderContext> order) {
        if (order.isEmpty()) {
            return List.of();
        }
        OrderContext o = order.get();
        Integer quantity = o.lines().get(scan.gtin());
        if (quantity == null) {
            return List.of(new Reason(ReasonCode.NOT_ON_ORDER, "GTIN " + scan.gtin() + " is not on the order"));
        }
        KnownUnit unit = scan.unit();
        if (o.accepted().contains(unit)) {
            return List.of(new Reason(ReasonCode.DUPLICATE_SCAN, "serial " + scan.serial() + " already accepted"));
        }
        long already = o.accepted().stream().filter(u -> u.gtin().equals(scan.gtin())).count();
        if (already >= quantity) {
            return List.of(new Reason(ReasonCode.QUANTITY_EXCEEDED, already + " of " + quantity + " already accepted"));
        }
        return List.of();
    }
}

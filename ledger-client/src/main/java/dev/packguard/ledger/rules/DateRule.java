package dev.packguard.ledger.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Rule 7, dates: the pack is not expired — it may be used through its expiry day — and it does
 * not expire within the minimum shelf life plus the order's days' supply. "Today" is the
 * station's date in its time zone. The expiry is the one printed on the pack (rule 3 has
 * already compared it with the commissioning); a DD=00 date is the month's last day.
 */
public final class DateRule {
    private DateRule() {}

    /** The finding, if any. */
    public static List<Reason> check(UnitScan scan, StationContext ctx, Optional<OrderContext> order) {
        LocalDate today = ctx.today();
        LocalDate expiry = scan.expiry();
        if (expiry.isBefore(today)) {
            return List.of(new Reason(ReasonCode.EXPIRED, "expired " + expiry + ", today is " + today));
        }
        int daysSupply = order.map(OrderContext::daysSupply).orElse(0);
        long needed = (long) ctx.policies().minShelfLifeDays() + daysSupply;
        long left = ChronoUnit.DAYS.between(today, expiry);
        if (left < needed) {
            return List.of(new Reason(ReasonCode.SHELF_LIFE_TOO_SHORT, "expires " + expiry + " (" + left
                    + " days left), needs " + needed + " days (" + ctx.policies().minShelfLifeDays()
                    + " minimum + " + daysSupply + " days' supply)"));
        }
        return List.of();
    }
}

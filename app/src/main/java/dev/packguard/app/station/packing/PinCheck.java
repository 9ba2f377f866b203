package dev.packguard.app.station.packing;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer to "may this pharmacist authorise a privileged action with this PIN?"
 * ({@link PharmacistPins#authorise}). Every variant but {@link Accepted} says why in words for
 * the screen and the audit log; none of them ever holds the PIN.
 */
public sealed interface PinCheck {

    /** Words for the operator and the audit log. */
    String why();

    /** The PIN is right: {@code pharmacist} authorises. */
    record Accepted(PharmacistPins.Pharmacist pharmacist) implements PinCheck {
        public Accepted {
            Objects.requireNonNull(pharmacist, "pharmacist");
        }

        @Override
        public String why() {
            return "authorised by pharmacist " + pharmacist.id();
        }
    }

    /** Unknown id or wrong PIN (not told apart, so ids cannot be probed); {@code attemptsLeft} before the lock. */
    record Rejected(int attemptsLeft) implements PinCheck {
        @Override
        public String why() {
            return "The pharmacist id or PIN is wrong (" + attemptsLeft + " more attempt" + (attemptsLeft == 1 ? "" : "s")
                    + " before PIN entry is locked).";
        }
    }

    /** Too many wrong PINs in a row: no PIN is even checked until {@code until}. */
    record LockedOut(Instant until) implements PinCheck {
        public LockedOut {
            Objects.requireNonNull(until, "until");
        }

        @Override
        public String why() {
            return "PIN entry is locked after " + PharmacistPins.MAX_FAILURES + " wrong PINs in a row, until " + until
                    + " (UTC).";
        }
    }

    /**
     * The count of wrong PINs could not be read or recorded ({@code problem}): no PIN is accepted
     * until it can, or guessing would go unthrottled.
     */
    record NotRecorded(String problem) implements PinCheck {
        public NotRecorded {
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String why() {
            return "PIN entry is unavailable: the station cannot keep count of wrong PINs. " + problem;
        }
    }

    /** Nobody can authorise at this station: {@code why} names the setting or file to fix. */
    record NoPharmacists(String why) implements PinCheck {
        public NoPharmacists {
            Objects.requireNonNull(why, "why");
        }
    }
}

package dev.packguard.ledger.mirror;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a sync has got, for the CLI's progress line and the station's status bar.
 *
 * @param entriesDone entries downloaded and hashed in this sync
 * @param entriesTotal entries this sync must fetch (new size minus verified size)
 * @param entriesPerSecond the rate so far
 * @param eta the estimated time left, once a rate is known
 */
public record SyncProgress(long entriesDone, long entriesTotal, double entriesPerSecond, Optional<Duration> eta) {

    /** A plain-language line, e.g. "52,000 of 1,000,000 entries (5%), 61,200/s, about 16 s left". */
    public String describe() {
        long pct = entriesTotal == 0 ? 100 : entriesDone * 100 / entriesTotal;
        StringBuilder sb = new StringBuilder(String.format("%,d of %,d entries (%d%%)", entriesDone, entriesTotal, pct));
        if (entriesPerSecond > 0) {
            sb.append(String.format(", %,.0f/s", entriesPerSecond));
        }
        eta.ifPresent(d -> sb.append(", about ").append(Math.max(1, d.toSeconds())).append(" s left"));
        return sb.toString();
    }
}

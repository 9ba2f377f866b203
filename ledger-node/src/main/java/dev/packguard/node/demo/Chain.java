package dev.packguard.node.demo;

import dev.packguard.ledger.statement.Commissioning;
import dev.packguard.ledger.statement.DecommissionReason;
import dev.packguard.ledger.statement.Decommissioning;
import dev.packguard.ledger.statement.Dispensing;
import dev.packguard.ledger.statement.Gtin;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.Receiving;
import dev.packguard.ledger.statement.Shipping;
import dev.packguard.ledger.statement.SigningKey;
import dev.packguard.ledger.statement.UnitCommitment;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Supply-chain moves written as signed statements into the log, each returning the entry's
 * log index. Days are counted back from the world's day; times fall in working hours, whole
 * seconds, so each move of a unit happens strictly after the one before.
 */
final class Chain {
    private final LogBuilder log;
    private final LocalDate today;

    Chain(LogBuilder log, LocalDate today) {
        this.log = log;
        this.today = today;
    }

    LogBuilder log() {
        return log;
    }

    LocalDate today() {
        return today;
    }

    /** {@code daysAgo} days before the world's day at {@code minute} minutes past 07:00 UTC. */
    Instant at(int daysAgo, int minute) {
        return today.minusDays(daysAgo).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plus(7 * 60L + Math.floorMod(minute, 600), ChronoUnit.MINUTES);
    }

    long commission(DemoParty maker, Instant t, Gtin gtin, Lot lot, LocalDate expiry, List<UnitCommitment> units)
            throws IOException {
        return log.add(maker.key(), new Commissioning(maker.partyId(), t, maker.site(), gtin, lot, expiry, units));
    }

    long ship(DemoParty from, DemoParty to, Instant t, List<UnitCommitment> units) throws IOException {
        return log.add(from.key(), shipping(from, to, t, units));
    }

    static Shipping shipping(DemoParty from, DemoParty to, Instant t, List<UnitCommitment> units) {
        return new Shipping(from.partyId(), t, from.site(), to.site(), units);
    }

    long receive(DemoParty from, DemoParty to, Instant t, List<UnitCommitment> units) throws IOException {
        return log.add(to.key(), new Receiving(to.partyId(), t, from.site(), to.site(), units));
    }

    long dispense(DemoParty pharmacy, Instant t, List<UnitCommitment> units) throws IOException {
        return log.add(pharmacy.key(), new Dispensing(pharmacy.partyId(), t, pharmacy.site(), units));
    }

    long decommission(DemoParty party, Instant t, DecommissionReason reason, List<UnitCommitment> units)
            throws IOException {
        return log.add(party.key(), new Decommissioning(party.partyId(), t, party.site(), reason, units));
    }

    /** Signs with {@code key} on behalf of {@code party} (used for the terminal and uncertified keys). */
    long shipSignedBy(SigningKey key, DemoParty from, DemoParty to, Instant t, List<UnitCommitment> units)
            throws IOException {
        return log.add(key, shipping(from, to, t, units));
    }
}

package dev.packguard.ledger.rules;

import dev.packguard.ledger.pki.Authorization;
import dev.packguard.ledger.statement.Commissioning;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the log says about one scanned unit, as of a verified checkpoint: its events in log
 * order, the whole-lot recalls of its GTIN and lot(s), and whether the scanned lot was ever
 * commissioned for the GTIN at all.
 *
 * @param events every event naming the unit's commitment, ascending log index, trusted or not
 * @param lotRecalls trusted whole-lot recalls of the GTIN and the commissioned lot
 * @param scannedLotCommissioned a trusted commissioning of (GTIN, scanned lot) exists, for any unit
 * @param consulted log indices read beyond {@code events}, for the evidence
 */
public record UnitHistory(UnitScan scan, List<LoggedEvent> events, List<LoggedEvent> lotRecalls,
        boolean scannedLotCommissioned, Parties parties, List<Long> consulted) {
    /** Copies the lists. */
    public UnitHistory {
        Objects.requireNonNull(scan, "scan");
        events = List.copyOf(events);
        lotRecalls = List.copyOf(lotRecalls);
        Objects.requireNonNull(parties, "parties");
        consulted = List.copyOf(consulted);
    }

    /** The first trusted commissioning of this GTIN naming the unit: where its life began. */
    public Optional<LoggedEvent> commissioning() {
        return events.stream().filter(e -> e.trusted() && e.event() instanceof Commissioning c && c.gtin().equals(scan.gtin()))
                .findFirst();
    }

    /** The commissioning's statement, when there is one. */
    public Optional<Commissioning> commissioned() {
        return commissioning().map(e -> (Commissioning) e.event());
    }

    /** The trusted events, in log order. */
    public List<LoggedEvent> trusted() {
        return events.stream().filter(LoggedEvent::trusted).toList();
    }

    /** The certificate behind a trusted event's signature. */
    static Optional<Authorization.Authorized> signer(LoggedEvent e) {
        return e.authorization() instanceof Authorization.Authorized a ? Optional.of(a) : Optional.empty();
    }
}

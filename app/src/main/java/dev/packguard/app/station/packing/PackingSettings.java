package dev.packguard.app.station.packing;

import dev.packguard.app.station.signing.StationSigning;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The packing station's fixed settings.
 *
 * @param stationName shown on slips and in statements
 * @param pharmacyGln the pharmacy's GLN: the dispensing location in statements
 * @param quarantineLabel the code printed on the quarantine bin; scanning it confirms a blocked unit went in
 * @param undoWindow how long after sealing a dispense can be undone (EU: 10 days)
 * @param slips folder for packing slips
 * @param signing whether and how the station signs its statements ({@code station.signingKey})
 */
public record PackingSettings(String stationName, String pharmacyGln, String quarantineLabel, Duration undoWindow,
        Path slips, StationSigning signing) {

    /** The label printed on quarantine bins unless configured otherwise. */
    public static final String DEFAULT_QUARANTINE_LABEL = "PG-QUARANTINE";

    public PackingSettings {
        Objects.requireNonNull(stationName, "stationName");
        Objects.requireNonNull(pharmacyGln, "pharmacyGln");
        Objects.requireNonNull(quarantineLabel, "quarantineLabel");
        Objects.requireNonNull(undoWindow, "undoWindow");
        Objects.requireNonNull(slips, "slips");
        Objects.requireNonNull(signing, "signing");
        if (quarantineLabel.isBlank()) {
            throw new IllegalArgumentException("quarantine label is blank");
        }
    }

    /** Settings of a station that cannot sign: sealing is refused, naming {@code station.signingKey}. */
    public PackingSettings(String stationName, String pharmacyGln, String quarantineLabel, Duration undoWindow,
            Path slips) {
        this(stationName, pharmacyGln, quarantineLabel, undoWindow, slips, StationSigning.none());
    }
}

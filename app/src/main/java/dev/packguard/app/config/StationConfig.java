package dev.packguard.app.config;

import dev.packguard.app.station.input.CameraSetting;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A station's configuration, validated: every value here has passed {@link StationConfigParser}.
 * The file format is documented in docs/CONFIGURATION.md.
 *
 * @param source the file it was read from; relative paths in it resolve against its directory
 * @param station what this station is called and where it stands
 * @param ledger where the ledger comes from and how old it may be
 * @param rules the verification policies
 * @param input how scanners reach the station
 * @param sounds whether verdicts are also signalled by sound
 */
public record StationConfig(Path source, Station station, Ledger ledger, Rules rules, Input input, boolean sounds) {

    public StationConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(input, "input");
    }

    /**
     * @param name shown in the title bar and the audit log, e.g. "Packing 2"
     * @param pharmacyName the pharmacy's name as shown to operators
     * @param pharmacyGln the pharmacy's GLN (13 digits, valid check digit): custody must end here
     * @param signingKey the pharmacy's statement-signing key (PKCS#8 PEM, Ed25519 or ES256), whose
     *                   public half the pharmacy's registration in the ledger certifies; the station
     *                   signs its dispense, undo, return and suspect-report statements with it
     * @param pharmacists the file of pharmacists allowed to authorise undo and overrides, with
     *                    their PIN hashes (docs/CONFIGURATION.md "Pharmacists")
     * @param operators the roster of who may sign in, by badge or from the pick-list
     *                  (docs/CONFIGURATION.md "Operators"); without one any badge signs in
     */
    public record Station(String name, String pharmacyName, String pharmacyGln, Optional<Path> signingKey,
            Optional<Path> pharmacists, Optional<Path> operators) {
        public Station {
            Objects.requireNonNull(signingKey, "signingKey");
            Objects.requireNonNull(pharmacists, "pharmacists");
            Objects.requireNonNull(operators, "operators");
        }

        /** A station without an operators roster. */
        public Station(String name, String pharmacyName, String pharmacyGln, Optional<Path> signingKey,
                Optional<Path> pharmacists) {
            this(name, pharmacyName, pharmacyGln, signingKey, pharmacists, Optional.empty());
        }

        /** A station without signing key, pharmacists file or operators roster. */
        public Station(String name, String pharmacyName, String pharmacyGln) {
            this(name, pharmacyName, pharmacyGln, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * @param url the log's base URL (its {@code checkpoint} and {@code tile/} live under it)
     * @param policy the tlog-policy file: the log's key and the witnesses that must cosign
     * @param mirror the SQLite file holding the verified copy
     * @param timeout per HTTP attempt
     * @param parallelDownloads entry bundles fetched at once
     * @param warnAfter ledger age above which the station warns
     * @param blockAfter ledger age above which verification is blocked (pharmacist override only)
     * @param trustAnchor the consortium root certificate (DER or PEM) that certifies the parties
     *                    whose statements count; verification needs it, syncing does not
     */
    public record Ledger(URI url, Path policy, Path mirror, Duration timeout, int parallelDownloads,
            Duration warnAfter, Duration blockAfter, Optional<Path> trustAnchor) {
        public Ledger {
            Objects.requireNonNull(trustAnchor, "trustAnchor");
        }
    }

    /**
     * @param minShelfLifeDays a unit must not expire within this many days (plus the order's days' supply)
     * @param returnWindowDays a return is accepted this many days after dispensing at most
     * @param undoWindowDays a dispense can be undone this many days after at most (EU: 10)
     */
    public record Rules(int minShelfLifeDays, int returnWindowDays, int undoWindowDays) {
    }

    /**
     * @param wedgeMaxGap longest pause between two characters of one keyboard-wedge scan
     * @param serialPort the serial port of a scanner that is not a keyboard wedge (e.g.
     *                   {@code /dev/ttyACM0}, {@code COM3}); none when empty
     * @param serialBaud that port's speed
     * @param camera the camera watched for codes, through ffmpeg; off by default
     * @param ffmpeg the ffmpeg executable the camera is read with; found on the PATH when empty
     */
    public record Input(Duration wedgeMaxGap, Optional<String> serialPort, int serialBaud, CameraSetting camera,
            Optional<Path> ffmpeg) {
        public Input {
            Objects.requireNonNull(wedgeMaxGap, "wedgeMaxGap");
            Objects.requireNonNull(serialPort, "serialPort");
            Objects.requireNonNull(camera, "camera");
            Objects.requireNonNull(ffmpeg, "ffmpeg");
        }

        /** Without a camera. */
        public Input(Duration wedgeMaxGap, Optional<String> serialPort, int serialBaud) {
            this(wedgeMaxGap, serialPort, serialBaud, new CameraSetting.Off(), Optional.empty());
        }

        /** Wedge gap 40 ms, no serial scanner, 9600 baud, no camera. */
        public static Input defaults() {
            return new Input(Duration.ofMillis(40), Optional.empty(), 9600);
        }
    }
}

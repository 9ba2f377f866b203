package dev.packguard.app.station.signing;

import dev.packguard.ledger.mirror.MirrorStoreException;
import dev.packguard.ledger.pki.PartyCertificate;
import dev.packguard.ledger.pki.PartyProfile;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.KeyId;
import dev.packguard.ledger.statement.Role;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether this station can sign the pharmacy's statements, and with what: the configured key
 * ({@code station.signingKey}) must be the key the ledger registered for a dispenser that has
 * the configured pharmacy GLN among its certified locations. The registration is looked up in
 * the verified mirror, so before the first sync the answer is "not yet"; once the key is
 * confirmed the answer is kept. Thread-safe.
 */
public final class StationSigning {
    /** The configuration setting, for messages. */
    public static final String SETTING = "station.signingKey";

    /** Where registered keys are looked up: the verified mirror's party directory. */
    @FunctionalInterface
    public interface Registry {
        /** The certificate that registered {@code keyId}, if the verified log has one. */
        Optional<PartyCertificate> registeredCertificate(KeyId keyId) throws MirrorStoreException;
    }

    /** Can the station sign now. */
    public sealed interface Status {
        /** Yes, with {@code signer}. */
        record Ready(StationSigner signer) implements Status {
            public Ready {
                Objects.requireNonNull(signer, "signer");
            }
        }

        /** No, for {@code why} (a sentence naming the file or setting and what to do). */
        record Unavailable(String why) implements Status {
            public Unavailable {
                Objects.requireNonNull(why, "why");
            }
        }
    }

    private static final String NO_KEY = "This station has no signing key (" + SETTING + " in the station "
            + "configuration), so it cannot record dispenses in the ledger. Set " + SETTING + " to the pharmacy's "
            + "statement-signing key file (PKCS#8 PEM) that the consortium certified.";

    private interface Check {
        Status run();
    }

    private final Check check;
    private Status confirmed;

    private StationSigning(Check check) {
        this.check = check;
    }

    /**
     * The station's signing for key file {@code keyFile} (empty when the configuration sets none),
     * pharmacy {@code pharmacyGln}, checked against {@code registry}. Reads the key file now.
     */
    public static StationSigning of(Optional<Path> keyFile, Gln pharmacyGln, Registry registry) {
        StationKey.Read read = keyFile.map(StationKey::load).orElseGet(() -> new StationKey.Read.Unusable(NO_KEY));
        return new StationSigning(() -> check(read, pharmacyGln, registry));
    }

    /** Signing that is ready with {@code signer}, for stations whose key is known to be registered (and tests). */
    public static StationSigning ready(StationSigner signer) {
        Status ready = new Status.Ready(signer);
        return new StationSigning(() -> ready);
    }

    /** Signing that cannot be used, for {@code why}. */
    public static StationSigning unavailable(String why) {
        Status status = new Status.Unavailable(why);
        return new StationSigning(() -> status);
    }

    /** No signing at all: {@link #status()} says that {@link #SETTING} is not set. */
    public static StationSigning none() {
        Status none = new Status.Unavailable(NO_KEY);
        return new StationSigning(() -> none);
    }

    /** Ready, or why not. Reads the mirror until the key is confirmed: call off the FX thread. */
    public synchronized Status status() {
        if (confirmed != null) {
            return confirmed;
        }
        Status now = check.run();
        if (now instanceof Status.Ready) {
            confirmed = now;
        }
        return now;
    }

    private static Status check(StationKey.Read key, Gln pharmacyGln, Registry registry) {
        if (key instanceof StationKey.Read.Unusable u) {
            return new Status.Unavailable(u.why());
        }
        StationKey.Read.Loaded k = (StationKey.Read.Loaded) key;
        Optional<PartyCertificate> cert;
        try {
            cert = registry.registeredCertificate(k.key().keyId());
        } catch (MirrorStoreException e) {
            return new Status.Unavailable("Cannot check the signing key " + k.file() + " against the ledger: "
                    + e.getMessage());
        }
        if (cert.isEmpty()) {
            return new Status.Unavailable("The signing key " + k.file() + " (" + SETTING + ", key id "
                    + k.key().keyId() + ") is not registered in the ledger this station has verified. If the "
                    + "ledger has not been synced yet, sync it; otherwise the file is not the pharmacy's "
                    + "registered key: configure the key file the consortium certified for " + pharmacyGln + ".");
        }
        PartyProfile p = cert.get().profile();
        if (p.role() != Role.DISPENSER || !(p.glns().contains(pharmacyGln) || p.partyId().equals(pharmacyGln))) {
            return new Status.Unavailable("The signing key " + k.file() + " (" + SETTING + ") belongs to " + p.name()
                    + " (" + p.partyId() + ", " + p.role().wireName() + "), not to the dispenser at this station's "
                    + "pharmacy GLN " + pharmacyGln + ". Configure the pharmacy's own key file.");
        }
        return new Status.Ready(new StationSigner(k.key(), p.partyId(), pharmacyGln));
    }
}

package dev.packguard.ledger.pki;

import dev.packguard.ledger.statement.EntryDecoder;
import dev.packguard.ledger.statement.EntryDecoding;
import dev.packguard.ledger.statement.KeyRevocation;
import dev.packguard.ledger.statement.PartyRegistration;
import dev.packguard.ledger.statement.SignedStatement;
import java.util.Objects;

/**
 * One call per log entry, in log order, for a mirror's sync: decode the untrusted bytes, let
 * registrations and revocations update the {@link PartyDirectory}, and authorize events
 * (docs/LEDGER.md "Statements", "Invalid entries"). Never throws for bad bytes; every outcome is
 * a value to record, and none of them stops a sync.
 *
 * <p>An event authorized now can lose trust later, when a revocation with an earlier effective
 * time arrives; whoever caches these outcomes re-runs {@link PartyDirectory#authorize} for the
 * signer's entries when {@link Outcome.DirectoryChange} reports a revocation.
 */
public final class EntryIntake {
    private final PartyDirectory directory;

    /** Feeds {@code directory}. */
    public EntryIntake(PartyDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** What became of one entry. */
    public sealed interface Outcome {
        /** Not a valid statement; recorded and ignored. */
        record Invalid(EntryDecoding.Invalid reason) implements Outcome {}

        /** A registration or revocation, and what the directory did with it ({@link Admission.Refused} = ignored). */
        record DirectoryChange(SignedStatement entry, Admission admission) implements Outcome {}

        /** An event whose signer is authorized: usable by the rules. */
        record Trusted(SignedStatement entry, Authorization.Authorized signer) implements Outcome {}

        /** A well-formed event whose signer is not authorized (forged, uncertified, wrong role, revoked): ignored. */
        record Untrusted(SignedStatement entry, Authorization.Unauthorized why) implements Outcome {}
    }

    /** Takes in the entry at {@code logIndex}. */
    public Outcome accept(long logIndex, byte[] entryBytes) {
        EntryDecoding decoding = EntryDecoder.decode(entryBytes);
        if (decoding instanceof EntryDecoding.Invalid invalid) {
            return new Outcome.Invalid(invalid);
        }
        SignedStatement entry = ((EntryDecoding.Decoded) decoding).entry();
        if (entry.statement() instanceof PartyRegistration || entry.statement() instanceof KeyRevocation) {
            return new Outcome.DirectoryChange(entry, directory.admit(logIndex, entry));
        }
        Authorization authorization = directory.authorize(logIndex, entry);
        if (authorization instanceof Authorization.Authorized authorized) {
            return new Outcome.Trusted(entry, authorized);
        }
        return new Outcome.Untrusted(entry, (Authorization.Unauthorized) authorization);
    }
}

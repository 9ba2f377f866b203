package dev.packguard.node.witness;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.checkpoint.CosignatureV1;
import dev.packguard.ledger.note.NoteSignature;
import dev.packguard.ledger.note.NoteSigner;
import dev.packguard.ledger.note.NoteVerification;
import dev.packguard.ledger.note.NoteVerifier;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignedNote;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.ledger.note.VerifierKey;
import dev.packguard.ledger.note.VerifierSet;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.ProofCheck;
import dev.packguard.ledger.tlog.Proofs;
import dev.packguard.node.tiles.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A witness, c2sp.org/tlog-witness {@code add-checkpoint}: cosigns (c2sp.org/tlog-cosignature,
 * cosignature/v1) a checkpoint only if it is signed by the log's key and provably extends the
 * last checkpoint it cosigned for that origin, so it never cosigns two views of one log.
 *
 * <p>The last cosigned checkpoint per origin is kept in {@code stateDir}, one file per log named
 * by the hex SHA-256 of its origin, holding the checkpoint text. Checking the old size and
 * persisting the new checkpoint happen under one lock, and the state is written atomically
 * and durably before the cosignature is returned (the race in the spec's §add-checkpoint).
 */
public final class Witness implements CheckpointWitness {
    private final SignerKey key;
    private final NoteSigner cosigner;
    private final Map<String, VerifierKey> logs;
    private final Path stateDir;

    /**
     * A witness cosigning with {@code key} (type cosignature/v1) for the logs in {@code logs}
     * (origin to the log's Ed25519 verifier key), keeping state in {@code stateDir}.
     */
    public Witness(SignerKey key, Map<String, VerifierKey> logs, Path stateDir, Clock clock) {
        if (key.type() != SignatureType.COSIGNATURE_V1) {
            throw new IllegalArgumentException("a witness cosigns with a cosignature/v1 key, not " + key.type());
        }
        this.key = key;
        this.cosigner = CosignatureV1.signer(key, clock);
        this.logs = Map.copyOf(logs);
        this.stateDir = stateDir;
    }

    /** The witness's public key, for policies. */
    public VerifierKey verifierKey() {
        return key.verifierKey();
    }

    /** Checks in the order c2sp.org/tlog-witness lists them, then persists and cosigns. */
    @Override
    public synchronized WitnessAnswer addCheckpoint(AddCheckpointRequest request) {
        Parsed<SignedNote> parsedNote = SignedNote.parse(request.note());
        if (parsedNote instanceof Parsed.Err<SignedNote> err) {
            return new WitnessAnswer.BadRequest("the checkpoint is not a signed note: " + err.error());
        }
        SignedNote note = parsedNote.orElseThrow();
        Parsed<Checkpoint> parsedCp = Checkpoint.parse(note.text());
        if (parsedCp instanceof Parsed.Err<Checkpoint> err) {
            return new WitnessAnswer.BadRequest("malformed checkpoint: " + err.error());
        }
        Checkpoint cp = parsedCp.orElseThrow();
        VerifierKey logKey = logs.get(cp.origin());
        if (logKey == null) {
            return new WitnessAnswer.UnknownLog(cp.origin());
        }
        NoteVerification v = note.verify(VerifierSet.of(NoteVerifier.ed25519(logKey)));
        if (!(v instanceof NoteVerification.Verified)) {
            return new WitnessAnswer.Forbidden("no valid signature by the log's key " + logKey.name().value());
        }
        if (request.oldSize() > cp.size()) {
            return new WitnessAnswer.BadRequest("old size " + request.oldSize() + " is above the checkpoint's " + cp.size());
        }
        Optional<Checkpoint> last = load(cp.origin());
        long lastSize = last.map(Checkpoint::size).orElse(0L);
        if (request.oldSize() != lastSize) {
            return new WitnessAnswer.SizeConflict(lastSize);
        }
        Hash newRoot = Hash.of(cp.rootHash());
        if (last.isPresent() && lastSize == cp.size()) {
            if (!Hash.of(last.get().rootHash()).equals(newRoot)) {
                return new WitnessAnswer.RootMismatch("size " + cp.size() + " was cosigned with root "
                        + last.get().rootHashBase64() + ", not " + cp.rootHashBase64());
            }
            if (!request.proof().isEmpty()) {
                return new WitnessAnswer.InvalidProof("the proof must be empty for equal sizes");
            }
        } else if (lastSize == 0) {
            if (!request.proof().isEmpty()) {
                return new WitnessAnswer.InvalidProof("the proof must be empty when the old size is 0");
            }
        } else {
            // RFC 6962 §2.1.2, checked with RFC 9162 §2.1.4.2.
            ProofCheck check = Proofs.verifyConsistency(lastSize, cp.size(), Hash.of(last.get().rootHash()), newRoot,
                    request.proof());
            if (check instanceof ProofCheck.Rejected r) {
                return new WitnessAnswer.InvalidProof("not consistent with the cosigned size " + lastSize + ": " + r.detail());
            }
        }
        try {
            AtomicFiles.writeDurably(stateFile(cp.origin()), Checkpoint.of(cp.origin(), cp.size(), cp.rootHash())
                    .text().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Without persisted state a cosignature could later be contradicted; refuse.
            throw new UncheckedIOException("cannot persist the witness state", e);
        }
        byte[] sig = cosigner.sign(note.textBytes());
        return new WitnessAnswer.Cosigned(List.of(new NoteSignature(cosigner.name(), cosigner.keyId(), sig)));
    }

    /** The last checkpoint cosigned for {@code origin}, if any. */
    public synchronized Optional<Checkpoint> load(String origin) {
        try {
            String text = Files.readString(stateFile(origin), StandardCharsets.UTF_8);
            Parsed<Checkpoint> cp = Checkpoint.parse(text);
            if (cp instanceof Parsed.Err<Checkpoint> err) {
                throw new IllegalStateException("witness state for " + origin + " is damaged: " + err.error());
            }
            return Optional.of(cp.orElseThrow());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the witness state", e);
        }
    }

    private Path stateFile(String origin) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
            return stateDir.resolve(HexFormat.of().formatHex(h));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.packguard.node.validation;

import dev.packguard.ledger.pki.Admission;
import dev.packguard.ledger.pki.EntryIntake;
import dev.packguard.ledger.pki.PartyDirectory;
import dev.packguard.ledger.statement.EntryDecoder;
import dev.packguard.ledger.statement.EntryDecoding;
import dev.packguard.ledger.statement.Event;
import dev.packguard.node.sequencer.SubmissionValidator;
import java.util.Optional;

/**
 * Admits only valid, authorized PackGuard statements that do not contradict the log
 * (docs/LEDGER.md "Statements"; "The reference node"):
 *
 * <ul>
 *   <li>{@link #check}: the bytes decode as a canonical version-1 signed statement
 *       ({@link EntryDecoder}), else 400 with the problem and its JSON Pointer;</li>
 *   <li>{@link #admit}, in log order: a registration or revocation must be admitted by the
 *       {@link PartyDirectory} (400 otherwise); an event must be signed by an authorized key
 *       (400 otherwise) and respect custody ({@link Custody}; 409 otherwise). A custody
 *       conflict names the index of the entry that last changed the unit, so the sequencer can
 *       tell a resubmission of that very entry from a contradiction (docs/LEDGER.md
 *       "Resubmitted entries").</li>
 * </ul>
 *
 * The stations' mirrors run the same {@link EntryIntake} over the same entries in the same
 * order, so what the node admits is what the stations trust.
 */
public final class StatementValidator implements SubmissionValidator {
    private final EntryIntake intake;
    private final PartyDirectory directory;
    private final Custody custody = new Custody();

    /** Validates against a directory built from the log (normally empty at the start: the log registers parties). */
    public StatementValidator(PartyDirectory directory) {
        this.directory = directory;
        this.intake = new EntryIntake(directory);
    }

    @Override
    public Verdict check(byte[] entry) {
        EntryDecoding d = EntryDecoder.decode(entry);
        if (d instanceof EntryDecoding.Invalid invalid) {
            return new Verdict.Invalid(describe(invalid));
        }
        return Verdict.ACCEPT;
    }

    @Override
    public Verdict admit(long index, byte[] entry) {
        EntryDecoding d = EntryDecoder.decode(entry);
        if (d instanceof EntryDecoding.Invalid invalid) {
            return new Verdict.Invalid(describe(invalid));
        }
        var signed = ((EntryDecoding.Decoded) d).entry();
        if (signed.statement() instanceof Event event) {
            var authorization = directory.authorize(index, signed);
            if (authorization instanceof dev.packguard.ledger.pki.Authorization.Unauthorized u) {
                return new Verdict.Invalid("the signer is not authorized: " + u.failure() + ": " + u.detail());
            }
            Optional<Custody.Refusal> conflict = custody.conflict(event);
            if (conflict.isPresent()) {
                return new Verdict.Conflict("custody conflict: " + conflict.get().reason(), conflict.get().latest());
            }
            custody.apply(index, event);
            return Verdict.ACCEPT;
        }
        Admission admission = directory.admit(index, signed);
        if (admission instanceof Admission.Refused r) {
            return new Verdict.Invalid("the directory refuses it: " + r.reason() + ": " + r.detail());
        }
        return Verdict.ACCEPT;
    }

    @Override
    public void replay(long index, byte[] entry) {
        // The same intake the mirrors run; entries the node admitted are trusted again here.
        EntryIntake.Outcome outcome = intake.accept(index, entry);
        if (outcome instanceof EntryIntake.Outcome.Trusted t && t.entry().statement() instanceof Event event) {
            custody.apply(index, event);
        }
    }

    private static String describe(EntryDecoding.Invalid invalid) {
        return "not a valid statement: " + invalid.problem()
                + (invalid.pointer().isEmpty() ? "" : " at " + invalid.pointer()) + ": " + invalid.detail();
    }
}

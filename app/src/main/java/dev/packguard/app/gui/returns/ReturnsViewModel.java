package dev.packguard.app.gui.returns;

import dev.packguard.app.gui.TaskExecutor;
import dev.packguard.app.gui.operators.OperatorChoices;
import dev.packguard.app.gui.packing.Sounds;
import dev.packguard.app.gui.verdict.Banner;
import dev.packguard.app.gui.verdict.BannerModel;
import dev.packguard.app.gui.verdict.LedgerLine;
import dev.packguard.app.gui.verdict.Prompts;
import dev.packguard.app.station.LedgerFeed;
import dev.packguard.app.station.packing.UnitVerdict;
import dev.packguard.app.station.operators.Operator;
import dev.packguard.app.station.operators.SignInMethod;
import dev.packguard.app.station.returns.ReturnOutcome;
import dev.packguard.app.station.returns.ReturnsSession;
import dev.packguard.app.station.returns.ReturnsSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Everything the returns screen shows, and what its keys and buttons do. The session's work
 * (audit writes, verification, the outbox) runs on {@code executor}; results come back on the FX
 * thread and only then touch these properties. Ledger states arrive on any thread and are moved
 * onto the FX thread through {@code fxThread}. The banner and ledger line are the verdict screens'
 * shared {@link BannerModel} and {@link LedgerLine}; the custody timeline follows the pack on the bench.
 */
public final class ReturnsViewModel {
    /** Banner title when a unit may go back on the shelf. */
    public static final String OK_TO_RETURN = "OK to return to stock";
    /** Banner title when it must not. */
    public static final String DO_NOT_RETURN = "DO NOT RETURN TO STOCK";

    private final ReturnsSession session;
    private final TaskExecutor executor;
    private final Sounds sounds;
    private final BannerModel banner;
    private final LedgerLine ledgerLine;

    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper operator = new ReadOnlyStringWrapper("Nobody signed in");
    private final ReadOnlyStringWrapper tally = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sealQuestion = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper stockEnabled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper quarantineEnabled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper signedIn = new ReadOnlyBooleanWrapper(false);
    private final OperatorChoices operatorChoices;
    private ReturnsSnapshot snapshot;

    public ReturnsViewModel(ReturnsSession session, LedgerFeed ledger, TaskExecutor executor, Sounds sounds,
            java.util.concurrent.Executor fxThread) {
        this.session = Objects.requireNonNull(session, "session");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.sounds = Objects.requireNonNull(sounds, "sounds");
        this.banner = new BannerModel("Returns", sounds, BannerModel.Timeline.PACK_ON_BENCH);
        this.ledgerLine = new LedgerLine(ledger, fxThread, "returns", this::updatePrompt);
        this.operatorChoices = new OperatorChoices(session.operators());
        refresh();
    }

    // A session result with the session's state right after it, both taken on the worker thread.
    private record Done(ReturnOutcome outcome, ReturnsSnapshot snapshot) {
    }

    /**
     * Reads the session's state again: the operator may have signed in on another screen. Called
     * when the screen is shown.
     */
    public void refresh() {
        executor.run(session::snapshot, s -> {
            apply(s);
            s.halted().ifPresent(banner::halted);
        });
    }

    /** A scan from the wedge, the manual entry field or a test. */
    public void scan(String text) {
        step(() -> session.scan(text));
    }

    /** The operator picked their name from the sign-in list. */
    public void pickOperator(Operator picked) {
        step(() -> session.signIn(picked.badge(), SignInMethod.PICKED_FROM_LIST));
    }

    /** F1: signs the bench's operator out; the sign-in prompt (and the pick-list) comes back. */
    public void signOut() {
        step(session::signOut);
    }

    /** F3 / F4: the operator's answer to "is the seal intact?". */
    public void sealCheck(boolean intact) {
        step(() -> session.sealCheck(intact));
    }

    /** F12: "Return to stock". */
    public void returnToStock() {
        step(session::returnToStock);
    }

    /** F9: the pack is in the quarantine bin. */
    public void confirmQuarantine() {
        step(session::confirmQuarantine);
    }

    /** Stops listening to the ledger (the screen is closing). */
    public void dispose() {
        ledgerLine.dispose();
    }

    // A bug must not vanish on the worker thread with the screen still saying "ready": it stops work, visibly.
    private void step(Supplier<ReturnOutcome> work) {
        executor.run(() -> {
            try {
                return new Done(work.get(), session.snapshot());
            } catch (RuntimeException e) {
                return new Done(new ReturnOutcome.Halted("Unexpected error, nothing was recorded for this step: " + e),
                        session.snapshot());
            }
        }, done -> {
            apply(done.snapshot());
            show(done.outcome());
        });
    }

    private void show(ReturnOutcome outcome) {
        if (outcome instanceof ReturnOutcome.Verified v) {
            banner.custody(v.verdict().custody());
        } else if (outcome instanceof ReturnOutcome.Rejected r) {
            banner.custody(r.verdict() instanceof UnitVerdict.Fail f ? f.custody() : List.of());
        } else if (outcome instanceof ReturnOutcome.ReturnedToStock || outcome instanceof ReturnOutcome.Quarantined
                || outcome instanceof ReturnOutcome.SignedIn || outcome instanceof ReturnOutcome.SignedOut
                || outcome instanceof ReturnOutcome.Halted) {
            banner.custody(List.of()); // the pack left the bench: its chain goes with it
        }
        showBanner(outcome);
    }

    private void showBanner(ReturnOutcome outcome) {
        if (outcome instanceof ReturnOutcome.Verified v) {
            sounds.play(Sounds.Cue.PASS);
            banner.show(Banner.PASS, "Verified \u2014 check the seal", BannerModel.passNotes(v.ledgerWarning(), v.verdict(),
                    "Verified: dispensed by this pharmacy, inside the return window, not recalled or expired."),
                    BannerModel.details("", v.unit()));
        } else if (outcome instanceof ReturnOutcome.SealChecked c && c.intact()) {
            banner.show(Banner.PASS, OK_TO_RETURN, "Seal intact. Put the pack back on the shelf and press F12 Return to "
                    + "stock.", banner.productProperty().get());
        } else if (outcome instanceof ReturnOutcome.SealChecked c) {
            sounds.play(Sounds.Cue.FAIL);
            banner.show(Banner.FAIL, DO_NOT_RETURN, "\u2022 The seal is broken: the pack may have been opened.\n"
                    + BannerModel.QUARANTINE_INSTRUCTION, banner.productProperty().get());
        } else if (outcome instanceof ReturnOutcome.Rejected r) {
            sounds.play(Sounds.Cue.FAIL);
            banner.show(Banner.FAIL, DO_NOT_RETURN, BannerModel.bullets(r.reasons()) + "\n"
                    + BannerModel.QUARANTINE_INSTRUCTION, BannerModel.details("", r.unit()));
        } else if (outcome instanceof ReturnOutcome.ReturnedToStock r) {
            banner.show(Banner.INFO, "Returned to stock", "Pack " + r.key() + " is back in stock; its return is queued "
                    + "for the ledger. Scan the next return.", "");
        } else if (outcome instanceof ReturnOutcome.Quarantined q) {
            banner.show(Banner.INFO, "In quarantine", "Pack " + q.key() + " is in the quarantine bin (" + q.reason().words()
                    + ")." + (q.suspectReport() ? " A suspect-product report was filed." : "") + " Scan the next return.", "");
        } else if (outcome instanceof ReturnOutcome.Duplicate d) {
            banner.attention("Already handled", "This pack (" + d.key() + ") was already " + (d.quarantined()
                    ? "put in quarantine" : "returned to stock") + " in this session. It is not taken again.");
        } else if (outcome instanceof ReturnOutcome.Unreadable u) {
            banner.attention("Cannot read the code", u.error().message()
                    + "\nNothing was taken. Scan again or check the scanner.");
        } else if (outcome instanceof ReturnOutcome.Refused r) {
            banner.attention("Not taken", r.why());
        } else if (outcome instanceof ReturnOutcome.Halted h) {
            banner.halted(h.why());
        } else if (outcome instanceof ReturnOutcome.SignedIn s) {
            banner.show(Banner.INFO, "Signed in", "Welcome, " + session.operators().nameOf(s.operator())
                    + ". Scan a returned pack.", "");
        } else if (outcome instanceof ReturnOutcome.SignedOut s) {
            banner.show(Banner.INFO, "Signed out", session.operators().nameOf(s.operator()) + " signed out of the returns "
                    + "bench. Next operator: " + (session.operators().configured() ? "scan your badge or pick your name."
                    : "scan your badge."), "");
        }
    }

    private void apply(ReturnsSnapshot s) {
        snapshot = s;
        operator.set(s.operator().map(o -> "Operator: " + session.operators().shown(o)).orElse("Nobody signed in"));
        operatorChoices.signingIn(s.stage() == ReturnsSnapshot.Stage.SIGN_IN);
        signedIn.set(s.operator().isPresent() && s.stage() != ReturnsSnapshot.Stage.HALTED);
        tally.set("This session: " + s.returned().size() + " returned to stock · " + s.quarantined().size()
                + " quarantined");
        sealQuestion.set(s.stage() == ReturnsSnapshot.Stage.SEAL_CHECK);
        stockEnabled.set(s.stage() == ReturnsSnapshot.Stage.RETURN_TO_STOCK);
        quarantineEnabled.set(s.current().isPresent() && s.stage() != ReturnsSnapshot.Stage.HALTED);
        updatePrompt();
    }

    private void updatePrompt() {
        if (snapshot == null) {
            return;
        }
        boolean ledgerBlocked = ledgerLine.blocks();
        prompt.set(switch (snapshot.stage()) {
            case SIGN_IN -> session.operators().configured() ? Prompts.SIGN_IN_OR_PICK : Prompts.SIGN_IN;
            case SCAN -> ledgerBlocked ? "Returns are blocked: the ledger cannot be used."
                    : "Scan the returned pack.";
            case SEAL_CHECK -> "Is the seal intact? F3 Yes \u00b7 F4 No";
            case RETURN_TO_STOCK -> "Press F12 to return the pack to stock (or F9 to quarantine it).";
            case QUARANTINE -> Prompts.QUARANTINE;
            case HALTED -> Prompts.HALTED;
        });
    }

    /** The verdict banner and the custody timeline of the pack on the bench. */
    public BannerModel banner() {
        return banner;
    }

    /** The ledger's state on the prompt bar. */
    public LedgerLine ledgerLine() {
        return ledgerLine;
    }

    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty operatorProperty() {
        return operator.getReadOnlyProperty();
    }

    /** What this session did so far: returned to stock and quarantined. */
    public ReadOnlyStringProperty tallyProperty() {
        return tally.getReadOnlyProperty();
    }

    /** True while the seal question waits for an answer. */
    public ReadOnlyBooleanProperty sealQuestionProperty() {
        return sealQuestion.getReadOnlyProperty();
    }

    /** True when "Return to stock" may be pressed. */
    public ReadOnlyBooleanProperty stockEnabledProperty() {
        return stockEnabled.getReadOnlyProperty();
    }

    /** True while someone is signed in at the bench (sign-out is possible). */
    public ReadOnlyBooleanProperty signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }

    /** The sign-in pick-list: the roster's names, shown at the sign-in stage when the station has a roster. */
    public OperatorChoices operatorChoices() {
        return operatorChoices;
    }

    /** True while a pack is on the bench (it may go to quarantine). */
    public ReadOnlyBooleanProperty quarantineEnabledProperty() {
        return quarantineEnabled.getReadOnlyProperty();
    }
}

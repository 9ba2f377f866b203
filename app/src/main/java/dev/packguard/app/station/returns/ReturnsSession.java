package dev.packguard.app.station.returns;

import static dev.packguard.app.station.audit.AuditTrail.shown;

import dev.packguard.app.station.CheckpointRef;
import dev.packguard.app.station.LedgerFeed;
import dev.packguard.app.station.LedgerState;
import dev.packguard.app.station.audit.AuditEntry;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditLog;
import dev.packguard.app.station.audit.AuditTrail;
import dev.packguard.app.station.operators.OperatorRoster;
import dev.packguard.app.station.operators.SignInMethod;
import dev.packguard.app.station.packing.Outbox;
import dev.packguard.app.station.scan.PackCodeReader;
import dev.packguard.app.station.packing.OutboxException;
import dev.packguard.app.station.packing.PackingSettings;
import dev.packguard.app.station.packing.StaleLedgerAllowance;
import dev.packguard.app.station.packing.Statements;
import dev.packguard.app.station.signing.StationSigning;
import dev.packguard.app.station.packing.UnitKey;
import dev.packguard.app.station.packing.UnitVerdict;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.scan.ScanDecoder;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The returns bench of one station (issue 7; DESIGN.md "Who uses it": saleable returns): scan a
 * unit a patient sent back; it must verify as dispensed by this pharmacy, inside the return
 * window, not recalled or expired; the operator records whether the seal is intact; then "Return
 * to stock" queues a {@code returned} statement, and anything else goes to the quarantine bin.
 * Shares the station's audit log and outbox with packing. Every step is on the audit log before
 * it takes effect; when the audit log or outbox cannot be written the bench halts. Blocking
 * (I/O, verification): call from a background thread. One caller at a time.
 */
public final class ReturnsSession {
    /**
     * The parts a session works with.
     *
     * @param stationOperator the operator signed in elsewhere on this station (the packing screen),
     *     taken as the bench's operator until someone signs in here; that sign-in is on the audit log already
     * @param settings the station's settings: name and GLN for statements, the quarantine bin's label
     */
    public record Parts(AuditLog audit, Outbox outbox, ReturnVerifier verifier, ScanDecoder decoder,
            Supplier<LedgerState> ledger, Supplier<Optional<String>> stationOperator, PackingSettings settings,
            Clock clock) {

        /**
         * The parts for a station's returns bench, sharing its audit log and outbox (one writer per
         * file) and packing's {@code settings} (station name and GLN, quarantine label, and the
         * signing key the return and suspect-report statements are signed with).
         */
        public static Parts forStation(PackingSettings settings, LedgerFeed ledger, ReturnVerifier verifier,
                AuditLog audit, Outbox outbox, Supplier<Optional<String>> stationOperator, Clock clock) {
            return new Parts(audit, outbox, verifier, new ScanDecoder(WedgeConfig.defaults(), clock), ledger::current,
                    stationOperator, settings, clock);
        }
    }

    private final Parts p;
    private Optional<String> operator = Optional.empty();
    // False once someone signs out here: the bench then waits for its own sign-in, not packing's operator.
    private boolean followStation = true;
    // Who scanned the pack on the bench: still its operator if packing's operator signs out meanwhile.
    private Optional<String> handler = Optional.empty();
    private volatile OperatorRoster operators = OperatorRoster.open();
    private Optional<ReturnsSnapshot.Current> current = Optional.empty();
    private boolean sealIntact;
    private final List<UnitKey> returned = new ArrayList<>();
    private final List<UnitKey> quarantined = new ArrayList<>();
    private Optional<String> halted = Optional.empty();
    private volatile StaleLedgerAllowance staleLedger = StaleLedgerAllowance.none();
    private final AuditTrail trail;
    private final PackCodeReader reader;
    private final PackCodeReader.Refusals<ReturnOutcome> refusals = new PackCodeReader.Refusals<>(ReturnOutcome.Unreadable::new,
            ReturnOutcome.Refused::new, ReturnOutcome.Duplicate::new, () -> new ReturnOutcome.Halted(halted.get()));

    private ReturnsSession(Parts parts) {
        this.p = parts;
        this.trail = new AuditTrail(parts.audit());
        this.reader = new PackCodeReader(parts.decoder(), new PackCodeReader.Wording("return ", "returned to stock", "session"));
    }

    /**
     * Lets returns be verified against a ledger too old to use when {@code allowance} says so
     * (the station's pharmacist override, shared with packing); every verdict then shows why.
     */
    public void allowStaleLedger(StaleLedgerAllowance allowance) {
        staleLedger = java.util.Objects.requireNonNull(allowance, "allowance");
    }

    /** Checks the audit log and starts a session; a tampered or unreadable log halts it at once. */
    public static ReturnsSession start(Parts parts) {
        ReturnsSession s = new ReturnsSession(parts);
        s.halted = AuditTrail.untrusted(parts.audit());
        return s;
    }

    /** Where the session is now. */
    public ReturnsSnapshot snapshot() {
        ReturnsSnapshot.Stage stage;
        if (halted.isPresent()) {
            stage = ReturnsSnapshot.Stage.HALTED;
        } else if (operator().isEmpty()) {
            stage = ReturnsSnapshot.Stage.SIGN_IN;
        } else if (current.isEmpty()) {
            stage = ReturnsSnapshot.Stage.SCAN;
        } else if (current.get().quarantine().isPresent()) {
            stage = ReturnsSnapshot.Stage.QUARANTINE;
        } else {
            stage = sealIntact ? ReturnsSnapshot.Stage.RETURN_TO_STOCK : ReturnsSnapshot.Stage.SEAL_CHECK;
        }
        return new ReturnsSnapshot(stage, operator(), current, returned, quarantined, halted);
    }

    private Optional<String> operator() {
        if (operator.isPresent()) {
            return operator;
        }
        if (current.isPresent() && handler.isPresent()) {
            return handler;
        }
        return followStation ? p.stationOperator().get() : Optional.empty();
    }

    /**
     * One scan, routed by stage: a badge when nobody is signed in, the quarantine bin's label while a
     * unit is on the bench, else a returned pack's code.
     */
    public ReturnOutcome scan(String raw) {
        if (halted.isPresent()) {
            return new ReturnOutcome.Halted(halted.get());
        }
        String text = raw.strip();
        if (operator().isEmpty()) {
            return signIn(text);
        }
        if (current.isPresent()) {
            return text.equals(p.settings().quarantineLabel()) ? confirmQuarantine()
                    : new ReturnOutcome.Refused("Finish the pack on the bench first: " + (current.get().quarantine().isPresent()
                            ? "put it in the quarantine bin and scan the bin's label (or confirm)."
                            : sealIntact ? "return it to stock, or quarantine it." : "say whether its seal is intact."));
        }
        return unit(raw);
    }

    /** Lets only the operators of {@code roster} sign in (docs/CONFIGURATION.md "Operators"); without one, any badge. */
    public void useOperators(OperatorRoster roster) {
        operators = java.util.Objects.requireNonNull(roster, "roster");
    }

    /** Who may sign in here: the roster the screen shows names and the pick-list from. */
    public OperatorRoster operators() {
        return operators;
    }

    /** Signs in the operator whose badge id {@code badge} was scanned. */
    public ReturnOutcome signIn(String badge) {
        return signIn(badge, SignInMethod.BADGE_SCAN);
    }

    /**
     * Signs in {@code badge}, which arrived {@code how}, when the station's roster lets it in
     * ({@link OperatorRoster#signIn}); the sign-in, and a refused badge, go on the audit log with how.
     */
    public ReturnOutcome signIn(String badge, SignInMethod how) {
        if (halted.isPresent()) {
            return new ReturnOutcome.Halted(halted.get());
        }
        String at = " at the returns bench of " + p.settings().stationName();
        OperatorRoster.SignIn in = operators.signIn(badge, how);
        if (in instanceof OperatorRoster.SignIn.Refused r) {
            if (r.badge().isPresent() && !audit(AuditKind.OPERATOR, r.badge().get(), r.badge().get(),
                    r.auditDetail("sign-in refused" + at), Optional.empty())) {
                return new ReturnOutcome.Halted(halted.get());
            }
            return new ReturnOutcome.Refused(r.why());
        }
        if (current.isPresent()) {
            return new ReturnOutcome.Refused("Finish the pack on the bench before someone else signs in.");
        }
        OperatorRoster.SignIn.Accepted ok = (OperatorRoster.SignIn.Accepted) in;
        if (!audit(AuditKind.OPERATOR, ok.badge(), ok.badge(), ok.auditDetail("signed in" + at), Optional.empty())) {
            return new ReturnOutcome.Halted(halted.get());
        }
        operator = Optional.of(ok.badge());
        return new ReturnOutcome.SignedIn(ok.badge());
    }

    /**
     * Signs the bench's operator out (also one taken over from the packing screen, who stays
     * signed in there); the bench then waits for a sign-in of its own. Refused while a pack is on the bench.
     */
    public ReturnOutcome signOut() {
        if (halted.isPresent()) {
            return new ReturnOutcome.Halted(halted.get());
        }
        Optional<String> who = operator();
        if (who.isEmpty()) {
            return new ReturnOutcome.Refused("Nobody is signed in at the returns bench.");
        }
        if (current.isPresent()) {
            return new ReturnOutcome.Refused("Finish the pack on the bench before signing out.");
        }
        if (!audit(AuditKind.OPERATOR, who.get(), who.get(), "signed out at the returns bench of "
                + p.settings().stationName(), Optional.empty())) {
            return new ReturnOutcome.Halted(halted.get());
        }
        operator = Optional.empty();
        followStation = false;
        return new ReturnOutcome.SignedOut(who.get());
    }

    // The SCAN record goes on the log with the record of its outcome, in one transaction (AuditTrail).
    private ReturnOutcome unit(String raw) {
        String op = operator().orElseThrow();
        handler = Optional.of(op);
        return trail.withScan(new AuditEntry(AuditKind.SCAN, op, shown(raw), "scanned for return", Optional.empty()),
                () -> judge(op, raw));
    }

    private ReturnOutcome judge(String op, String raw) {
        LedgerState ledger = p.ledger().get();
        Optional<StaleLedgerAllowance.Allowance> allowed = ledger.usable() ? Optional.empty() : staleLedger.allowance(ledger);
        if (!ledger.usable() && allowed.isEmpty()) {
            return refusedOnRecord(op, shown(raw), ledger.alert().map(a -> "Security alert on the ledger: " + a)
                    .orElse("The ledger is too old to verify with (" + ledger.summary() + ").")
                    + " Returns are blocked until it is synced.");
        }
        PackCodeReader.Result read = reader.read(raw, this::seen,
                (subject, detail) -> audit(AuditKind.VERDICT, op, subject, detail, Optional.empty()));
        if (!(read instanceof PackCodeReader.Result.Read r)) {
            return read.refusal(refusals).orElseThrow();
        }
        ProductIdentifier id = r.unit();
        UnitKey key = r.key();
        UnitVerdict verdict = allowed.map(a -> p.verifier().verify(id, a.maxAge())).orElseGet(() -> p.verifier().verify(id));
        Optional<CheckpointRef> cp = checkpoint(verdict, ledger);
        List<String> reasons = ReturnReasons.words(verdict, p.clock().getZone());
        Optional<QuarantineReason> quarantine = verdict instanceof UnitVerdict.Pass ? Optional.empty()
                : Optional.of(QuarantineReason.of(verdict));
        String detail = quarantine.map(q -> "return FAIL (" + q.words() + "): " + String.join(" ", reasons))
                .orElse("return PASS") + allowed.map(a -> " [" + a.warning() + "]").orElse("");
        if (!audit(AuditKind.VERDICT, op, key.toString(), detail, cp)) {
            return new ReturnOutcome.Halted(halted.get());
        }
        current = Optional.of(new ReturnsSnapshot.Current(id, key, verdict, quarantine, reasons));
        sealIntact = false;
        if (quarantine.isPresent()) {
            return new ReturnOutcome.Rejected(id, key, verdict, quarantine.get(), reasons);
        }
        Optional<String> warning = allowed.map(StaleLedgerAllowance.Allowance::warning)
                .or(() -> ledger.freshness() == LedgerState.Freshness.STALE_WARN
                        ? Optional.of("The ledger is old: " + ledger.summary() + ". Sync as soon as the network is back.")
                        : Optional.empty());
        return new ReturnOutcome.Verified(id, key, (UnitVerdict.Pass) verdict, warning);
    }

    /**
     * The operator's answer to "is the seal intact?" for the unit that passed; recorded. Broken
     * sends the unit to quarantine as damaged (EU 2016/161: the anti-tampering device is checked
     * before a pack is handled as saleable).
     */
    public ReturnOutcome sealCheck(boolean intact) {
        if (halted.isPresent()) {
            return new ReturnOutcome.Halted(halted.get());
        }
        if (current.isEmpty() || current.get().quarantine().isPresent() || sealIntact) {
            return new ReturnOutcome.Refused("No verified pack is waiting for its seal check.");
        }
        ReturnsSnapshot.Current c = current.get();
        if (!audit(AuditKind.SEAL_CHECK, operator().orElseThrow(), c.key().toString(), intact ? "seal intact"
                : "seal BROKEN: the pack goes to quarantine as damaged", Optional.empty())) {
            return new ReturnOutcome.Halted(halted.get());
        }
        if (intact) {
            sealIntact = true;
        } else {
            current = Optional.of(new ReturnsSnapshot.Current(c.unit(), c.key(), c.verdict(),
                    Optional.of(QuarantineReason.DAMAGED), List.of("The seal is broken: the pack may have been opened.")));
        }
        return new ReturnOutcome.SealChecked(c.key(), intact);
    }

    /**
     * "Return to stock": only for a unit that passed with its seal intact. Records the return on
     * the audit log, then queues its {@code returned} statement in the outbox.
     */
    public ReturnOutcome returnToStock() {
        if (halted.isPresent()) {
            return new ReturnOutcome.Halted(halted.get());
        }
        if (current.isEmpty() || current.get().quarantine().isPresent() || !sealIntact) {
            return new ReturnOutcome.Refused(current.isPresent() && current.get().quarantine().isPresent()
                    ? "This pack must go to quarantine, not back to stock."
                    : current.isPresent() ? "Check the seal first." : "No verified pack is on the bench.");
        }
        ReturnsSnapshot.Current c = current.get();
        if (p.settings().signing().status() instanceof StationSigning.Status.Unavailable u) {
            return new ReturnOutcome.Refused("The return cannot be recorded in the ledger: " + u.why()
                    + " Put the pack aside until the signing key is set up, or quarantine it (F9).");
        }
        Instant now = p.clock().instant();
        if (!audit(AuditKind.RETURN, operator().orElseThrow(), c.key().toString(), "returned to stock (verified, seal intact)",
                checkpoint(c.verdict(), p.ledger().get()))) {
            return new ReturnOutcome.Halted(halted.get());
        }
        try {
            p.outbox().add(now, new Outbox.NewEntry(Outbox.Kind.RETURNED, c.key().toString(),
                    Statements.returned(c.key(), now, p.settings())));
        } catch (OutboxException e) {
            return new ReturnOutcome.Halted(halt(e.getMessage()));
        }
        current = Optional.empty();
        sealIntact = false;
        returned.add(c.key());
        return new ReturnOutcome.ReturnedToStock(c.key());
    }

    /**
     * The operator confirms the unit on the bench is in the quarantine bin (by scanning the bin's
     * label or confirming on screen). Records why; for a suspect unit also files a suspect-product
     * report in the outbox with the verdict's evidence.
     */
    public ReturnOutcome confirmQuarantine() {
        if (halted.isPresent()) {
            return new ReturnOutcome.Halted(halted.get());
        }
        if (current.isEmpty()) {
            return new ReturnOutcome.Refused("No pack is on the bench.");
        }
        ReturnsSnapshot.Current c = current.get();
        QuarantineReason why = c.quarantine().orElse(QuarantineReason.OPERATOR_DECISION);
        StationSigning.Status signing = p.settings().signing().status();
        boolean report = why == QuarantineReason.SUSPECT && signing instanceof StationSigning.Status.Ready;
        String unfiled = why == QuarantineReason.SUSPECT && signing instanceof StationSigning.Status.Unavailable u
                ? "; suspect-product report NOT filed (" + u.why() + ")" : "";
        Instant now = p.clock().instant();
        if (!audit(AuditKind.QUARANTINE, operator().orElseThrow(), c.key().toString(), "return " + why.words()
                + (report ? "; suspect-product report filed" : unfiled) + (c.reasons().isEmpty() ? "" : ": "
                + String.join(" ", c.reasons())), c.verdict().evidence().checkpoint())) {
            return new ReturnOutcome.Halted(halted.get());
        }
        if (report) {
            try {
                p.outbox().add(now, new Outbox.NewEntry(Outbox.Kind.SUSPECT_REPORT, c.key().toString(),
                        Statements.suspect(c.key(), now, p.settings(), c.verdict(), c.reasons())));
            } catch (OutboxException e) {
                return new ReturnOutcome.Halted(halt(e.getMessage()));
            }
        }
        current = Optional.empty();
        sealIntact = false;
        quarantined.add(c.key());
        return new ReturnOutcome.Quarantined(c.key(), why, report);
    }

    private Optional<PackCodeReader.Seen> seen(UnitKey key) {
        return quarantined.contains(key) ? Optional.of(PackCodeReader.Seen.QUARANTINED)
                : returned.contains(key) ? Optional.of(PackCodeReader.Seen.DONE) : Optional.empty();
    }

    private static Optional<CheckpointRef> checkpoint(UnitVerdict verdict, LedgerState ledger) {
        return verdict.evidence().checkpoint().or(() -> ledger.verified().map(CheckpointRef::of));
    }

    private ReturnOutcome refusedOnRecord(String op, String subject, String why) {
        if (!audit(AuditKind.VERDICT, op, subject, "return REFUSED: " + why, Optional.empty())) {
            return new ReturnOutcome.Halted(halted.get());
        }
        return new ReturnOutcome.Refused(why);
    }

    // False when the record could not be written; the session is then halted.
    private boolean audit(AuditKind kind, String op, String subject, String detail, Optional<CheckpointRef> cp) {
        Optional<String> failed = trail.write(List.of(new AuditEntry(kind, op, subject, detail, cp)));
        failed.ifPresent(this::halt);
        return failed.isEmpty();
    }

    private String halt(String why) {
        halted = Optional.of(why);
        return why;
    }
}

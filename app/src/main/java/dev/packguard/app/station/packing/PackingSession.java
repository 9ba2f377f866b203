package dev.packguard.app.station.packing;

import static dev.packguard.app.station.audit.AuditTrail.shown;

import dev.packguard.app.station.CheckpointRef;
import dev.packguard.app.station.LedgerState;
import dev.packguard.app.station.audit.AuditEntry;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditLog;
import dev.packguard.app.station.audit.AuditTrail;
import dev.packguard.app.station.operators.OperatorRoster;
import dev.packguard.app.station.operators.SignInMethod;
import dev.packguard.app.station.scan.PackCodeReader;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.scan.ScanDecoder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The packing workflow of one station (issue 7, DESIGN.md "The station"): sign in by badge,
 * open an order, verify every scanned unit, block and quarantine what fails, seal when every
 * line is complete, undo within the policy window with a pharmacist's PIN. Every step is on the
 * audit log before it takes effect; when the audit log or outbox cannot be written the session
 * halts. Blocking (I/O, verification): call from a background thread. One caller at a time.
 */
public final class PackingSession {
    /** The parts a session works with. {@code orders} finds an order by id for order-barcode scans. */
    public record Parts(AuditLog audit, Outbox outbox, UnitVerifier verifier, ScanDecoder decoder,
            Supplier<LedgerState> ledger, Function<String, Optional<Order>> orders, PharmacistPins pins,
            PackingSettings settings, Clock clock) {
    }

    private final Parts p;
    private Optional<String> operator = Optional.empty();
    private Optional<Order> order = Optional.empty();
    private final Map<String, List<UnitKey>> packed = new LinkedHashMap<>();
    private final Map<UnitKey, ProductIdentifier> packedUnits = new LinkedHashMap<>();
    private final Set<UnitKey> quarantined = new HashSet<>();
    private Optional<ScanOutcome.Blocked> awaiting = Optional.empty();
    private Optional<String> halted = Optional.empty();
    private volatile StaleLedgerAllowance staleLedger = StaleLedgerAllowance.none();
    private volatile OperatorRoster operators = OperatorRoster.open();
    private final AuditTrail trail;
    private final PackCodeReader reader;
    private final PackCodeReader.Refusals<ScanOutcome> refusals = new PackCodeReader.Refusals<>(ScanOutcome.Unreadable::new,
            ScanOutcome.Refused::new, ScanOutcome.Duplicate::new, () -> new ScanOutcome.Halted(halted.get()));
    private final QuarantineStep quarantineStep;
    private final SealStep sealStep;
    private final UndoStep undoStep;

    private PackingSession(Parts parts) {
        this.p = parts;
        this.trail = new AuditTrail(parts.audit());
        this.reader = new PackCodeReader(parts.decoder(), new PackCodeReader.Wording("", "packed", "order"));
        this.quarantineStep = new QuarantineStep(parts, trail);
        this.sealStep = new SealStep(parts, trail);
        this.undoStep = new UndoStep(parts, trail);
    }

    /**
     * Checks the audit log and starts a session. A tampered or unreadable audit log halts the
     * session at once, naming the altered record: no work on a log that cannot be trusted.
     */
    public static PackingSession start(Parts parts) {
        PackingSession s = new PackingSession(parts);
        s.halted = AuditTrail.untrusted(parts.audit());
        return s;
    }

    /** Lets {@code allowance} (the pharmacist override) decide whether a too-old ledger may still be used. */
    public void allowStaleLedger(StaleLedgerAllowance allowance) {
        staleLedger = java.util.Objects.requireNonNull(allowance, "allowance");
    }

    /** Where the session is now. */
    public PackingSnapshot snapshot() {
        PackingSnapshot.Stage stage;
        if (halted.isPresent()) {
            stage = PackingSnapshot.Stage.HALTED;
        } else if (operator.isEmpty()) {
            stage = PackingSnapshot.Stage.SIGN_IN;
        } else if (order.isEmpty()) {
            stage = PackingSnapshot.Stage.OPEN_ORDER;
        } else if (awaiting.isPresent()) {
            stage = PackingSnapshot.Stage.QUARANTINE;
        } else if (missing().isEmpty()) {
            stage = PackingSnapshot.Stage.READY_TO_SEAL;
        } else {
            stage = PackingSnapshot.Stage.SCANNING;
        }
        Map<String, List<UnitKey>> copy = new LinkedHashMap<>();
        packed.forEach((g, l) -> copy.put(g, List.copyOf(l)));
        return new PackingSnapshot(stage, operator, order, copy, awaiting, halted);
    }

    /**
     * One scan, routed by stage: a badge when nobody is signed in, an order id when no order is
     * open, the quarantine bin label while a unit awaits quarantine, else a pack code.
     */
    public ScanOutcome scan(String raw) {
        if (halted.isPresent()) {
            return new ScanOutcome.Halted(halted.get());
        }
        String text = raw.strip();
        if (operator.isEmpty()) {
            return signIn(text);
        }
        if (order.isEmpty()) {
            return p.orders().apply(text).map(this::openOrder)
                    .orElseGet(() -> new ScanOutcome.Refused("No open order has the id \"" + shown(text)
                            + "\". Scan the order's barcode or pick it from the list."));
        }
        if (awaiting.isPresent()) {
            return text.equals(p.settings().quarantineLabel()) ? confirmQuarantine()
                    : new ScanOutcome.Refused("Put the blocked pack in the quarantine bin and scan the bin's label "
                            + "(or confirm) before scanning anything else.");
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
    public ScanOutcome signIn(String badge) {
        return signIn(badge, SignInMethod.BADGE_SCAN);
    }

    /**
     * Signs in {@code badge}, which arrived {@code how}, when the station's roster lets it in
     * ({@link OperatorRoster#signIn}); the sign-in, and a refused badge, go on the audit log with how.
     */
    public ScanOutcome signIn(String badge, SignInMethod how) {
        if (halted.isPresent()) {
            return new ScanOutcome.Halted(halted.get());
        }
        String at = " at " + p.settings().stationName();
        OperatorRoster.SignIn in = operators.signIn(badge, how);
        if (in instanceof OperatorRoster.SignIn.Refused r) {
            if (r.badge().isPresent() && !audit(AuditKind.OPERATOR, r.badge().get(), r.badge().get(),
                    r.auditDetail("sign-in refused" + at), Optional.empty())) {
                return new ScanOutcome.Halted(halted.get());
            }
            return new ScanOutcome.Refused(r.why());
        }
        OperatorRoster.SignIn.Accepted ok = (OperatorRoster.SignIn.Accepted) in;
        if (!audit(AuditKind.OPERATOR, ok.badge(), ok.badge(), ok.auditDetail("signed in" + at), Optional.empty())) {
            return new ScanOutcome.Halted(halted.get());
        }
        operator = Optional.of(ok.badge());
        return new ScanOutcome.SignedIn(ok.badge());
    }

    /**
     * Signs the operator out, so the next one signs in. Refused while an order has packed units or a
     * blocked pack awaits quarantine (seal the order first); an open order with nothing packed is closed.
     */
    public ScanOutcome signOut() {
        if (halted.isPresent()) {
            return new ScanOutcome.Halted(halted.get());
        }
        if (operator.isEmpty()) {
            return new ScanOutcome.Refused("Nobody is signed in.");
        }
        if (order.isPresent() && (!packed.isEmpty() || awaiting.isPresent())) {
            return new ScanOutcome.Refused("Order " + order.get().id() + " is being packed; seal it before signing out"
                    + (awaiting.isPresent() ? " (the blocked pack goes to quarantine first)." : "."));
        }
        String who = operator.get();
        if (!audit(AuditKind.OPERATOR, who, who, "signed out at " + p.settings().stationName()
                + order.map(o -> "; order " + o.id() + " closed with nothing packed").orElse(""), Optional.empty())) {
            return new ScanOutcome.Halted(halted.get());
        }
        operator = Optional.empty();
        order = Optional.empty();
        quarantined.clear();
        return new ScanOutcome.SignedOut(who);
    }

    /**
     * Signs in {@code badge} for the demo world ({@code packguard demo}), recorded in the audit
     * log as a demo sign-in so nobody mistakes it for a person. Only the demo calls this.
     */
    public ScanOutcome signInDemo(String badge) {
        if (halted.isPresent()) {
            return new ScanOutcome.Halted(halted.get());
        }
        if (!audit(AuditKind.OPERATOR, badge, badge, "demo sign-in at " + p.settings().stationName()
                + " (packguard demo, no person identified)", Optional.empty())) {
            return new ScanOutcome.Halted(halted.get());
        }
        operator = Optional.of(badge);
        return new ScanOutcome.SignedIn(badge);
    }

    /** Opens {@code next} for packing, unless an order is open with units on it. */
    public ScanOutcome openOrder(Order next) {
        if (halted.isPresent()) {
            return new ScanOutcome.Halted(halted.get());
        }
        if (operator.isEmpty()) {
            return new ScanOutcome.Refused("Scan your badge to sign in first.");
        }
        if (order.isPresent() && (!packed.isEmpty() || awaiting.isPresent())) {
            return new ScanOutcome.Refused("Order " + order.get().id() + " is being packed; seal it first.");
        }
        if (!audit(AuditKind.ORDER_OPENED, operator.get(), next.id(), next.lines().size() + " lines", Optional.empty())) {
            return new ScanOutcome.Halted(halted.get());
        }
        order = Optional.of(next);
        packed.clear();
        packedUnits.clear();
        quarantined.clear();
        return new ScanOutcome.OrderOpened(next);
    }

    // The SCAN record goes on the log with the record of its outcome, in one transaction (one fsync,
    // most of a scan's time); a step that fails unexpectedly records neither.
    private ScanOutcome unit(String raw) {
        return trail.withScan(new AuditEntry(AuditKind.SCAN, operator.get(), shown(raw),
                "scanned for order " + order.get().id(), Optional.empty()), () -> judge(raw));
    }

    private ScanOutcome judge(String raw) {
        String op = operator.get();
        LedgerState ledger = p.ledger().get();
        Optional<StaleLedgerAllowance.Allowance> allowed = ledger.usable() ? Optional.empty() : staleLedger.allowance(ledger);
        if (!ledger.usable() && allowed.isEmpty()) {
            String why = ledger.alert().map(a -> "Security alert on the ledger: " + a
                    + " Scanning is blocked until it is synced.")
                    .orElse("The ledger is too old to verify with (" + ledger.summary() + "). Scanning is blocked "
                            + "until it is synced, or a pharmacist allows it for a while (F11).");
            return refusedOnRecord(op, shown(raw), why);
        }
        PackCodeReader.Result read = reader.read(raw, this::seen,
                (subject, detail) -> audit(AuditKind.VERDICT, op, subject, detail, Optional.empty()));
        if (!(read instanceof PackCodeReader.Result.Read r)) {
            return read.refusal(refusals).orElseThrow();
        }
        ProductIdentifier id = r.unit();
        UnitKey key = r.key();
        Optional<Order.Line> line = order.get().line(id.gtin());
        int days = line.map(Order.Line::daysSupply).orElse(0);
        UnitVerdict verdict = allowed.isPresent() ? p.verifier().verify(id, days, allowed.get().maxAge())
                : p.verifier().verify(id, days);
        Optional<CheckpointRef> cp = verdict.evidence().checkpoint().or(() -> ledger.verified().map(CheckpointRef::of));
        List<String> reasons = new ArrayList<>();
        Optional<ScanOutcome.Block> block = block(verdict, line, id, reasons);
        String detail = block.map(b -> b + ": " + String.join(" ", reasons)).orElse("PASS")
                + allowed.map(a -> " [" + a.warning() + "]").orElse("");
        if (!audit(AuditKind.VERDICT, op, key.toString(), detail, cp)) {
            return new ScanOutcome.Halted(halted.get());
        }
        if (block.isPresent()) {
            ScanOutcome.Blocked b = new ScanOutcome.Blocked(id, key, block.get(), verdict, reasons);
            awaiting = Optional.of(b);
            return b;
        }
        packed.computeIfAbsent(id.gtin(), g -> new ArrayList<>()).add(key);
        packedUnits.put(key, id);
        Optional<String> warning = allowed.isPresent() ? allowed.map(StaleLedgerAllowance.Allowance::warning)
                : ledger.freshness() == LedgerState.Freshness.STALE_WARN
                ? Optional.of("The ledger is old: " + ledger.summary() + ". Sync as soon as the network is back.")
                : Optional.empty();
        return new ScanOutcome.Accepted(id, key, line.get(), count(line.get()), (UnitVerdict.Pass) verdict, warning);
    }

    // Why the unit must not be packed, if it must not; adds the plain-language reasons to {@code reasons}.
    private Optional<ScanOutcome.Block> block(UnitVerdict verdict, Optional<Order.Line> line, ProductIdentifier id,
            List<String> reasons) {
        if (verdict instanceof UnitVerdict.Fail f) {
            f.reasons().forEach(r -> reasons.add(r.message()));
            return Optional.of(ScanOutcome.Block.FAILED);
        }
        if (verdict instanceof UnitVerdict.CannotVerify c) {
            reasons.add(c.reason().message());
            return Optional.of(ScanOutcome.Block.NOT_VERIFIED);
        }
        if (line.isEmpty()) {
            reasons.add("This product (GTIN " + id.gtin() + ") is not on order " + order.get().id() + ".");
            return Optional.of(ScanOutcome.Block.WRONG_PRODUCT);
        }
        if (count(line.get()) >= line.get().quantity()) {
            reasons.add("The order needs only " + line.get().quantity() + " of " + line.get().description()
                    + ", and all are packed.");
            return Optional.of(ScanOutcome.Block.MORE_THAN_ORDERED);
        }
        return Optional.empty();
    }

    /**
     * The operator confirms the blocked unit is in the quarantine bin (by scanning the bin's label or
     * confirming on screen). Records the quarantine and, for a unit that failed or could not be
     * verified, a suspect-product report in the outbox with the verdict's evidence.
     */
    public ScanOutcome confirmQuarantine() {
        if (halted.isPresent()) {
            return new ScanOutcome.Halted(halted.get());
        }
        if (awaiting.isEmpty()) {
            return new ScanOutcome.Refused("No pack is waiting to go to quarantine.");
        }
        ScanOutcome outcome = quarantineStep.confirm(operator.get(), awaiting.get());
        if (outcome instanceof ScanOutcome.QuarantineConfirmed q) {
            awaiting = Optional.empty();
            quarantined.add(q.key());
        } else if (outcome instanceof ScanOutcome.Halted h) {
            halt(h.why());
        }
        return outcome;
    }

    /**
     * "Pack &amp; seal": only when every line's quantity is met with passed units. Records the
     * dispense (audit, then the outbox's statements in one transaction), writes the packing slip
     * and closes the order.
     */
    public SealOutcome packAndSeal() {
        if (halted.isPresent()) {
            return new SealOutcome.Halted(halted.get());
        }
        if (order.isEmpty() || awaiting.isPresent()) {
            return new SealOutcome.Refused(order.isEmpty() ? "No order is open."
                    : "A blocked pack must go to quarantine first.");
        }
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            return new SealOutcome.NotReady(missing);
        }
        SealOutcome outcome = sealStep.seal(order.get(), operator.get(), packed, List.copyOf(packedUnits.keySet()));
        if (outcome instanceof SealOutcome.Sealed) {
            order = Optional.empty();
            packed.clear();
            packedUnits.clear();
            quarantined.clear();
        } else if (outcome instanceof SealOutcome.Halted h) {
            halt(h.why());
        }
        return outcome;
    }

    /**
     * Undoes the dispense of sealed order {@code orderId} when pharmacist {@code pharmacistId}'s PIN
     * is right and the order was sealed here within the undo window (EU: 10 days, NMVS_NC_PCK_20).
     */
    public UndoOutcome undo(String orderId, String pharmacistId, char[] pin) {
        return undo(orderId, pharmacistId, pin, "");
    }

    /**
     * As {@link #undo(String, String, char[])}, recording {@code reason} with the undo. Wrong PINs
     * count towards the lock of {@link PharmacistPins#authorise}; every refusal is recorded.
     */
    public UndoOutcome undo(String orderId, String pharmacistId, char[] pin, String reason) {
        if (halted.isPresent()) {
            return new UndoOutcome.Halted(halted.get());
        }
        UndoOutcome outcome = undoStep.undo(operator.orElse(pharmacistId), orderId, pharmacistId, pin, reason);
        if (outcome instanceof UndoOutcome.Halted h) {
            halt(h.why());
        }
        return outcome;
    }

    private ScanOutcome refusedOnRecord(String op, String subject, String why) {
        if (!audit(AuditKind.VERDICT, op, subject, "REFUSED: " + why, Optional.empty())) {
            return new ScanOutcome.Halted(halted.get());
        }
        return new ScanOutcome.Refused(why);
    }

    private Optional<PackCodeReader.Seen> seen(UnitKey key) {
        return quarantined.contains(key) ? Optional.of(PackCodeReader.Seen.QUARANTINED)
                : packedUnits.containsKey(key) ? Optional.of(PackCodeReader.Seen.DONE) : Optional.empty();
    }

    private List<String> missing() {
        List<String> out = new ArrayList<>();
        order.ifPresent(o -> o.lines().forEach(l -> {
            if (count(l) < l.quantity()) {
                out.add(l.description() + ": " + count(l) + " of " + l.quantity());
            }
        }));
        return out;
    }

    private int count(Order.Line line) {
        return packed.getOrDefault(line.gtin(), List.of()).size();
    }

    private boolean audit(AuditKind kind, String op, String subject, String detail, Optional<CheckpointRef> cp) {
        return record(List.of(new AuditEntry(kind, op, subject, detail, cp)));
    }

    // False when the records could not be written; the session is then halted.
    private boolean record(List<AuditEntry> entries) {
        Optional<String> failed = trail.write(entries);
        failed.ifPresent(this::halt);
        return failed.isEmpty();
    }

    private String halt(String why) {
        halted = Optional.of(why);
        return why;
    }
}

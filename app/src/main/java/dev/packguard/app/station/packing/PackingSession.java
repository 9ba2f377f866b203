package dev.packguard.app.station.packing;

import static dev.packguard.app.station.audit.AuditTrail.shown;

import dev.packguard.app.station.CheckpointRef;
import dev.packguard.app.station.LedgerState;
import dev.packguard.app.station.audit.AuditCheck;
import dev.packguard.app.station.audit.AuditEntry;
import dev.packguard.app.station.audit.AuditException;
import dev.packguard.app.station.audit.AuditKind;
import dev.packguard.app.station.audit.AuditLog;
import dev.packguard.app.station.audit.AuditTrail;
import dev.packguard.app.station.operators.OperatorRoster;
import dev.packguard.app.station.operators.SignInMethod;
import dev.packguard.app.station.signing.StationSigner;
import dev.packguard.app.station.signing.StationSigning;
import dev.packguard.ledger.statement.Suspicion;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.scan.ScanDecoder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private PackingSession(Parts parts) {
        this.p = parts;
        this.trail = new AuditTrail(parts.audit());
    }

    /**
     * Checks the audit log and starts a session. A tampered or unreadable audit log halts the
     * session at once, naming the altered record: no work on a log that cannot be trusted.
     */
    public static PackingSession start(Parts parts) {
        PackingSession s = new PackingSession(parts);
        try {
            if (parts.audit().check() instanceof AuditCheck.Tampered t) {
                s.halted = Optional.of(t.describe() + " Work is blocked until the pharmacist in charge has investigated.");
            }
        } catch (AuditException e) {
            s.halted = Optional.of(e.getMessage());
        }
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
        ParseResult parsed = p.decoder().decode(raw);
        if (parsed instanceof ParseResult.Failure f) {
            if (!audit(AuditKind.VERDICT, op, shown(raw), "UNREADABLE: " + f.error(), Optional.empty())) {
                return new ScanOutcome.Halted(halted.get());
            }
            return new ScanOutcome.Unreadable(raw, f.error());
        }
        ProductIdentifier id = ((ParseResult.Success) parsed).identifier();
        if (id.serial().isEmpty()) {
            return refusedOnRecord(op, id.gtin(), "This code has no serial number, so the pack cannot be verified. "
                    + "Scan the 2D code on the pack.");
        }
        UnitKey key = new UnitKey(id.gtin(), id.serial().get());
        if (packedUnits.containsKey(key) || quarantined.contains(key)) {
            boolean q = quarantined.contains(key);
            if (!audit(AuditKind.VERDICT, op, key.toString(), q ? "DUPLICATE: already quarantined in this order"
                    : "DUPLICATE: already packed in this order", Optional.empty())) {
                return new ScanOutcome.Halted(halted.get());
            }
            return new ScanOutcome.Duplicate(key, q);
        }
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
        ScanOutcome.Blocked b = awaiting.get();
        // Only findings about where the pack came from make it suspect product; an expired or
        // recalled pack, or one that could not be verified, goes to quarantine without a report.
        Optional<Suspicion> suspicion = b.verdict() instanceof UnitVerdict.Fail fail
                ? Statements.suspicion(fail.reasons()) : Optional.empty();
        StationSigning.Status signing = suspicion.isPresent() ? p.settings().signing().status()
                : new StationSigning.Status.Unavailable("no report due");
        boolean suspect = signing instanceof StationSigning.Status.Ready;
        String report = suspicion.isEmpty() ? ": " : suspect ? "; suspect-product report (" + suspicion.get().wireName()
                + ") filed: " : "; suspect-product report NOT filed (" + ((StationSigning.Status.Unavailable) signing).why() + "): ";
        Instant now = p.clock().instant();
        if (!audit(AuditKind.QUARANTINE, operator.get(), b.key().toString(), b.block() + report
                + String.join(" ", b.reasons()), b.verdict().evidence().checkpoint())) {
            return new ScanOutcome.Halted(halted.get());
        }
        if (suspect) {
            try {
                p.outbox().add(now, new Outbox.NewEntry(Outbox.Kind.SUSPECT_REPORT, b.key().toString(), Statements.suspect(
                        b.key(), now, suspicion.get(), ((StationSigning.Status.Ready) signing).signer())));
            } catch (OutboxException e) {
                return new ScanOutcome.Halted(halt(e.getMessage()));
            }
        }
        awaiting = Optional.empty();
        quarantined.add(b.key());
        return new ScanOutcome.QuarantineConfirmed(b.key(), suspect);
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
        Order o = order.get();
        if (p.settings().signing().status() instanceof StationSigning.Status.Unavailable u) {
            return new SealOutcome.Refused(u.why());
        }
        StationSigner signer = ((StationSigning.Status.Ready) p.settings().signing().status()).signer();
        Instant now = p.clock().instant();
        Optional<CheckpointRef> cp = p.ledger().get().verified().map(CheckpointRef::of);
        List<UnitKey> units = List.copyOf(packedUnits.keySet());
        if (!auditSeal(operator.get(), o.id(), units, cp)) {
            return new SealOutcome.Halted(halted.get());
        }
        List<Outbox.NewEntry> statements = new ArrayList<>();
        packedUnits.forEach((k, id) -> statements.add(new Outbox.NewEntry(Outbox.Kind.DISPENSE, k.toString(),
                Statements.dispense(k, now, signer))));
        try {
            p.outbox().recordSeal(o.id(), operator.get(), now, units, statements);
        } catch (OutboxException e) {
            return new SealOutcome.Halted(halt(e.getMessage()));
        }
        try {
            var slip = PackingSlip.write(p.settings().slips(), o, packed, operator.get(), now, p.settings(), cp);
            order = Optional.empty();
            packed.clear();
            packedUnits.clear();
            quarantined.clear();
            return new SealOutcome.Sealed(o.id(), units, slip);
        } catch (IOException e) {
            return new SealOutcome.Halted(halt("Order " + o.id() + " is sealed and recorded, but its packing slip "
                    + "could not be written: " + e.getMessage()));
        }
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
        String op = operator.orElse(pharmacistId);
        PinCheck auth = p.pins().authorise(pharmacistId, pin, p.clock().instant());
        if (!(auth instanceof PinCheck.Accepted)) {
            return refusedUndo(op, orderId, auth.why());
        }
        Optional<Outbox.SealedOrder> sealed;
        try {
            sealed = p.outbox().sealed(orderId);
        } catch (OutboxException e) {
            return new UndoOutcome.Halted(halt(e.getMessage()));
        }
        if (sealed.isEmpty()) {
            return refusedUndo(op, orderId, "Order " + orderId + " was not sealed at this station.");
        }
        if (sealed.get().undoneAt().isPresent()) {
            return refusedUndo(op, orderId, "Order " + orderId + " was already undone at " + sealed.get().undoneAt().get() + ".");
        }
        Instant now = p.clock().instant();
        Duration since = Duration.between(sealed.get().sealedAt(), now);
        if (since.compareTo(p.settings().undoWindow()) > 0) {
            return refusedUndo(op, orderId, "Order " + orderId + " was sealed more than " + p.settings().undoWindow().toDays()
                    + " days ago; a dispense can no longer be undone (NMVS_NC_PCK_20).");
        }
        if (p.settings().signing().status() instanceof StationSigning.Status.Unavailable u) {
            return refusedUndo(op, orderId, u.why());
        }
        StationSigner signer = ((StationSigning.Status.Ready) p.settings().signing().status()).signer();
        if (!audit(AuditKind.UNDO, op, orderId, "undone, authorised by pharmacist " + pharmacistId
                + (reason.isBlank() ? "" : ": " + reason.strip()), Optional.empty())) {
            return new UndoOutcome.Halted(halted.get());
        }
        Outbox.UndoRecord record;
        try {
            record = p.outbox().recordUndo(orderId, now, (unit, index) -> new Outbox.NewEntry(
                    Outbox.Kind.UNDO_DISPENSE, unit.toString(), Statements.undo(unit, now, index, signer)));
        } catch (OutboxException e) {
            return new UndoOutcome.Halted(halt(e.getMessage()));
        }
        if (!audit(AuditKind.UNDO, op, orderId, "ledger: " + record.undone().size() + " undo statement(s) queued, "
                + record.cancelled().size() + " dispense(s) cancelled before they were published "
                + record.cancelled() + ", " + record.neverLogged().size() + " never in the log", Optional.empty())) {
            return new UndoOutcome.Halted(halted.get());
        }
        return new UndoOutcome.Undone(orderId, sealed.get().units(), pharmacistId);
    }

    private UndoOutcome refusedUndo(String op, String orderId, String why) {
        if (!audit(AuditKind.UNDO, op, orderId, "REFUSED: " + why, Optional.empty())) {
            return new UndoOutcome.Halted(halted.get());
        }
        return new UndoOutcome.Refused(why);
    }

    private ScanOutcome refusedOnRecord(String op, String subject, String why) {
        if (!audit(AuditKind.VERDICT, op, subject, "REFUSED: " + why, Optional.empty())) {
            return new ScanOutcome.Halted(halted.get());
        }
        return new ScanOutcome.Refused(why);
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

    // Every sealed serial goes on the audit log; a big order's list does not fit one field (8,192
    // characters, about 230 units), so it is recorded in parts, all in one transaction.
    private boolean auditSeal(String op, String orderId, List<UnitKey> units, Optional<CheckpointRef> cp) {
        List<List<UnitKey>> parts = new ArrayList<>();
        List<UnitKey> part = new ArrayList<>();
        int length = 0;
        for (UnitKey u : units) {
            int more = u.toString().length() + 2;
            if (!part.isEmpty() && length + more > AuditEntry.MAX_FIELD - 100) {
                parts.add(part);
                part = new ArrayList<>();
                length = 0;
            }
            part.add(u);
            length += more;
        }
        parts.add(part);
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            entries.add(new AuditEntry(AuditKind.DISPENSE, op, orderId, "sealed with " + units.size() + " units"
                    + (parts.size() > 1 ? " (part " + (i + 1) + " of " + parts.size() + ")" : "") + ": " + parts.get(i), cp));
        }
        return record(entries);
    }

    private String halt(String why) {
        halted = Optional.of(why);
        return why;
    }
}

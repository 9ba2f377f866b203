package dev.packguard.ledger.rules;

import dev.packguard.ledger.index.StatementIndex;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorStoreException;
import dev.packguard.ledger.mirror.VerifiedCheckpoint;
import dev.packguard.ledger.pki.Admission;
import dev.packguard.ledger.pki.Authorization;
import dev.packguard.ledger.pki.ConsortiumRoot;
import dev.packguard.ledger.pki.PartyCertificate;
import dev.packguard.ledger.pki.PartyDirectory;
import dev.packguard.ledger.statement.Commissioning;
import dev.packguard.ledger.statement.EntryDecoder;
import dev.packguard.ledger.statement.EntryDecoding;
import dev.packguard.ledger.statement.KeyId;
import dev.packguard.ledger.statement.Event;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.statement.SignedStatement;
import dev.packguard.ledger.tlog.Parsed;
import dev.packguard.ledger.tlog.tiles.EntryBundle;
import dev.packguard.ledger.tlog.tiles.Tile;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.Gtin;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scan → verdict against the station's verified mirror, offline (DESIGN.md "Verification: scan →
 * verdict"; docs/LEDGER.md "Verification rules"). Runs rule 2, then rules 3–8 on the unit's
 * history read through the {@link StatementIndex}; rule 1 belongs to the scanner and arrives
 * through {@link #unreadable}.
 *
 * <p>The index holds decoded-but-unchecked entries. Here each entry the rules read is authorized
 * against the party directory (certificate, role, revocation, signature) once and the result
 * cached per log index, so a warm scan costs index lookups plus the few signatures not checked
 * yet. The directory (registrations and revocations, a few per party) is rebuilt, and the cache
 * dropped, whenever the verified checkpoint grows, because a revocation can withdraw trust from
 * entries already in the log.
 *
 * <p>Thread-safe: calls are serialised.
 */
public final class UnitVerifier {
    private static final int DECODED_CACHE_ENTRIES = 16_384;
    /** 64 bundles of 256 entries: a few MB, and a unit's events usually sit in one or two of them. */
    private static final int BUNDLE_CACHE = 64;
    private static final int WARM_UP_ROUNDS = 400;

    private final MirrorStore store;
    private final StatementIndex index;
    private final ConsortiumRoot root;
    private final Map<Long, SignedStatement> decoded = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SignedStatement> eldest) {
            return size() > DECODED_CACHE_ENTRIES;
        }
    };
    // Parsed bundles by bundle index; dropped with the snapshot because the last bundle grows with the log.
    private final Map<Long, EntryBundle> bundles = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, EntryBundle> eldest) {
            return size() > BUNDLE_CACHE;
        }
    };
    private Snapshot snapshot;

    private record Snapshot(long size, PartyDirectory directory, Parties parties, Map<Long, Authorization> authorized) {}

    /**
     * A verifier over {@code store} (opened with a {@code StatementIndexer}) trusting party
     * certificates issued by {@code root}, the consortium's trust anchor.
     */
    public UnitVerifier(MirrorStore store, ConsortiumRoot root) {
        this.store = Objects.requireNonNull(store, "store");
        this.root = Objects.requireNonNull(root, "root");
        this.index = new StatementIndex(store);
    }

    /**
     * The verdict for a rule-1 failure found by the scanner: always a {@link Verdict.Fail} with
     * no ledger evidence, so the app reports unreadable codes like every other verdict.
     *
     * @param code one of the rule-1 codes ({@link ReasonCode#MALFORMED_CODE}, {@link ReasonCode#BAD_CHECK_DIGIT},
     *             {@link ReasonCode#INVALID_DATE})
     */
    public static Verdict unreadable(ReasonCode code, String detail) {
        if (code.rule() != 1 || code.kind() != ReasonCode.Kind.FAIL) {
            throw new IllegalArgumentException(code + " is not a rule-1 failure");
        }
        return new Verdict.Fail(List.of(new Reason(code, detail)), List.of(), VerdictEvidence.none());
    }

    /**
     * Gets ready for the first scan, for the station to call once at start-up (off the UI
     * thread): builds the party directory from the registrations and revocations, then runs the
     * scan path — index queries, decoding, RFC 8785 canonicalisation, signature checks with
     * every registered key — a few hundred times so the JIT has compiled it. A JVM runs that
     * code interpreted at first, and an interpreted signature check alone takes tens of
     * milliseconds; without this the first scan after start would take hundreds.
     */
    public synchronized void prepare() throws MirrorStoreException {
        StationContext probe = new StationContext(new Gln("0000000000000"), Instant.now(), ZoneOffset.UTC,
                StationContext.Policies.defaults());
        UnitScan nobody = new UnitScan(new Gtin("00000000000000"), "0", new Lot("0"), LocalDate.of(2099, 12, 31), false);
        verify(nobody, Mode.PACK, probe, Optional.empty());
        if (snapshot == null) {
            return; // nothing synced yet: nothing to warm
        }
        // Real entries of every kind the log holds: the newest ones, and the registrations.
        List<Long> sample = new ArrayList<>(index.directoryEntries());
        for (long i = Math.max(0, snapshot.size() - WARM_UP_ROUNDS); i < snapshot.size(); i++) {
            sample.add(i);
        }
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            long i = sample.get(round % sample.size());
            Optional<SignedStatement> e = entry(i);
            if (e.isPresent()) {
                EntryDecoder.decode(e.get().encode());
                // Authorized once (and cached) by events(); the repeated signature check is what warms the crypto.
                for (LoggedEvent ev : events(List.of(i), snapshot)) {
                    UnitHistory.signer(ev).ifPresent(a -> a.certificate().key().verify(e.get()));
                }
            }
            verify(nobody, Mode.PACK, probe, Optional.empty());
        }
    }

    /**
     * Verifies one scanned unit. Never contacts the network.
     *
     * @param order the open order for packing (rule 8 and the days' supply of rule 7), empty otherwise
     * @throws MirrorStoreException when the mirror cannot be read (a damaged or vanished file), not for any verdict
     */
    public synchronized Verdict verify(UnitScan scan, Mode mode, StationContext ctx, Optional<OrderContext> order)
            throws MirrorStoreException {
        Optional<VerifiedCheckpoint> cp = store.verified();
        List<Reason> warnings = new ArrayList<>();
        if (scan.expiryDayUnspecified()) {
            warnings.add(new Reason(ReasonCode.EXPIRY_DAY_UNSPECIFIED, "expiry printed with day 00, read as " + scan.expiry()));
        }
        LedgerRule.Outcome ledger = LedgerRule.check(cp, store.unacknowledgedEvidence(), ctx);
        if (ledger instanceof LedgerRule.Outcome.Blocked blocked) {
            return new Verdict.CannotVerify(blocked.reason(), warnings, evidence(cp, List.of()));
        }
        warnings.addAll(((LedgerRule.Outcome.Usable) ledger).warnings());
        Snapshot snap = snapshot(cp.orElseThrow().size());
        UnitHistory h = load(scan, snap);

        List<Reason> reasons = new ArrayList<>();
        reasons.addAll(CommissioningRule.check(h));
        reasons.addAll(SignatureRule.check(h));
        reasons.addAll(CustodyRule.check(h, mode, ctx.pharmacyGln()));
        if (h.commissioning().isPresent()) {
            reasons.addAll(StatusRule.check(h, mode, ctx));
        }
        reasons.addAll(DateRule.check(scan, ctx, order));
        reasons.addAll(OrderRule.check(scan, order));
        reasons.sort(Comparator.comparingInt(r -> r.code().rule()));

        List<Long> used = new ArrayList<>(h.consulted());
        for (LoggedEvent e : concat(h.events(), h.lotRecalls())) {
            used.add(e.index());
            if (e.authorization() instanceof Authorization.Authorized a) {
                used.add(a.registrationIndex());
            } else if (e.authorization() instanceof Authorization.Unauthorized u) {
                u.evidenceIndex().ifPresent(used::add);
            }
        }
        VerdictEvidence evidence = evidence(cp, used);
        List<CustodyStep> custody = CustodyChain.of(h);
        return reasons.isEmpty() ? new Verdict.Pass(warnings, evidence, custody)
                : new Verdict.Fail(reasons, warnings, evidence, custody);
    }

    private UnitHistory load(UnitScan scan, Snapshot snap) throws MirrorStoreException {
        List<LoggedEvent> events = events(index.unitEvents(scan.commitment()), snap);
        List<Long> consulted = new ArrayList<>();
        Optional<Lot> commissionedLot = events.stream()
                .filter(e -> e.trusted() && e.event() instanceof Commissioning c && c.gtin().equals(scan.gtin()))
                .map(e -> ((Commissioning) e.event()).lot()).findFirst();
        // Recalls follow the lot the unit was made in; a different printed lot is rule 3's finding.
        List<Long> recallIndices = commissionedLot.isPresent()
                ? index.lotRecalls(scan.gtin(), commissionedLot.get()) : List.of();
        List<LoggedEvent> lotRecalls = events(recallIndices, snap)
                .stream().filter(LoggedEvent::trusted).toList();
        boolean scannedLotCommissioned = true;
        if (commissionedLot.isPresent() && !commissionedLot.get().equals(scan.lot())) {
            scannedLotCommissioned = false;
            for (long i : index.lotCommissionings(scan.gtin(), scan.lot())) {
                consulted.add(i);
                if (events(List.of(i), snap).stream().anyMatch(LoggedEvent::trusted)) {
                    scannedLotCommissioned = true;
                    break;
                }
            }
        }
        return new UnitHistory(scan, events, lotRecalls, scannedLotCommissioned, snap.parties(), consulted);
    }

    /** The events at {@code indices}, each with its (cached) authorization; non-events are skipped. */
    private List<LoggedEvent> events(List<Long> indices, Snapshot snap) throws MirrorStoreException {
        List<LoggedEvent> out = new ArrayList<>(indices.size());
        for (long i : indices) {
            Optional<SignedStatement> entry = entry(i);
            if (entry.isPresent() && entry.get().statement() instanceof Event event) {
                Authorization a = snap.authorized().computeIfAbsent(i, k -> snap.directory().authorize(i, entry.get()));
                out.add(new LoggedEvent(i, event, a));
            }
        }
        return out;
    }

    /**
     * The decoded entry {@code i}, which must be below the snapshot's verified size (the index
     * only names verified entries). Reads the bundle once for all its entries: going through
     * {@code MirrorStore.entry} would re-read the checkpoint and a whole bundle per entry.
     */
    private Optional<SignedStatement> entry(long i) throws MirrorStoreException {
        SignedStatement cached = decoded.get(i);
        if (cached != null) {
            return Optional.of(cached);
        }
        long b = i / MirrorStore.BUNDLE_WIDTH;
        EntryBundle bundle = bundles.get(b);
        if (bundle == null) {
            Optional<MirrorStore.BundleRow> row = store.bundle(b);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Parsed<EntryBundle> parsed = EntryBundle.parse(new Tile(0, b, row.get().count()), row.get().data());
            if (parsed.ok().isEmpty()) {
                store.entry(i); // reports the damage as a MirrorStoreException with the mirror's own wording
                return Optional.empty();
            }
            bundle = parsed.ok().get();
            bundles.put(b, bundle);
        }
        int at = (int) (i % MirrorStore.BUNDLE_WIDTH);
        if (at >= bundle.size() || !(EntryDecoder.decode(bundle.entry(at)) instanceof EntryDecoding.Decoded d)) {
            return Optional.empty();
        }
        decoded.put(i, d.entry());
        return Optional.of(d.entry());
    }

    /**
     * The certificate that registered {@code keyId} in the verified mirror, if any: how a station
     * finds out which party (PGLN, role, locations) its own signing key speaks for, and whether the
     * log knows that key at all. Empty also when nothing is synced yet.
     */
    public synchronized Optional<PartyCertificate> registeredCertificate(KeyId keyId) throws MirrorStoreException {
        Optional<VerifiedCheckpoint> cp = store.verified();
        if (cp.isEmpty()) {
            return Optional.empty();
        }
        return snapshot(cp.get().size()).directory().certificate(keyId);
    }

    /** The directory as of {@code size}: every registration and revocation, admitted in log order. */
    private Snapshot snapshot(long size) throws MirrorStoreException {
        if (snapshot != null && snapshot.size() == size) {
            return snapshot;
        }
        bundles.clear();
        PartyDirectory directory = new PartyDirectory(root);
        List<PartyCertificate> certificates = new ArrayList<>();
        for (long i : index.directoryEntries()) {
            Optional<SignedStatement> entry = entry(i);
            if (entry.isPresent() && directory.admit(i, entry.get()) instanceof Admission.Registered r) {
                certificates.add(r.certificate());
            }
        }
        snapshot = new Snapshot(size, directory, new Parties(certificates), new HashMap<>());
        return snapshot;
    }

    private static VerdictEvidence evidence(Optional<VerifiedCheckpoint> cp, List<Long> used) {
        return new VerdictEvidence(cp.map(c -> new VerdictEvidence.Checkpoint(c.origin(), c.size(), c.root())), used);
    }

    private static List<LoggedEvent> concat(List<LoggedEvent> a, List<LoggedEvent> b) {
        List<LoggedEvent> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}

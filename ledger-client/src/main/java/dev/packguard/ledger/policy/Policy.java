package dev.packguard.ledger.policy;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.checkpoint.VerifiedCheckpoint;
import dev.packguard.ledger.checkpoint.Verifiers;
import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.NoteVerification;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignedNote;
import dev.packguard.ledger.note.VerifiedSignature;
import dev.packguard.ledger.note.VerifierKey;
import dev.packguard.ledger.note.VerifierSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A checkpoint trust policy in the format of c2sp.org/tlog-policy: known logs, known witnesses,
 * witness groups with k-of-n thresholds, and the quorum. A checkpoint is valid when it is signed
 * by a listed log whose key name is the checkpoint's origin (§Defining a log) and cosigned by
 * witnesses according to the quorum (§Defining the quorum, §Defining a witness group).
 *
 * <p>Build one with {@link PolicyParser#parse}; the constructor checks the same invariants for
 * policies assembled in code. Immutable and thread-safe; verifiers are prepared once.
 */
public final class Policy {
    /** The predefined quorum name that requires no cosignature. */
    public static final String NONE = "none";

    /** A log: its key (the key name is its origin) and an optional URL. */
    public record Log(VerifierKey key, Optional<String> url) {
        public Log {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(url, "url");
            if (key.type() != SignatureType.ED25519) {
                throw new IllegalArgumentException("a log key is an Ed25519 (0x01) key");
            }
        }

        /** The origin this log signs checkpoints for: its key name. */
        public String origin() {
            return key.name().value();
        }
    }

    /** A witness: its policy-local name, its cosignature key, an optional URL. */
    public record Witness(String name, VerifierKey key, Optional<String> url) {
        public Witness {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(url, "url");
            if (key.type() != SignatureType.COSIGNATURE_V1) {
                throw new IllegalArgumentException("a witness key is a cosignature/v1 (0x04) key");
            }
        }
    }

    /** A group that witnesses a checkpoint when at least {@code threshold} of its members do. */
    public record Group(String name, int threshold, List<String> members) {
        public Group {
            Objects.requireNonNull(name, "name");
            members = List.copyOf(members);
            if (members.isEmpty() || threshold < 1 || threshold > members.size()) {
                throw new IllegalArgumentException("a group needs 1 <= k <= n members, got k=" + threshold + ", n=" + members.size());
            }
            if (new HashSet<>(members).size() != members.size()) {
                throw new IllegalArgumentException("a group lists each member at most once");
            }
        }
    }

    private final List<Log> logs;
    private final List<Witness> witnesses;
    private final Map<String, Group> groups;
    private final String quorum;
    private final VerifierSet verifiers;

    /**
     * A policy; names must be unique across witnesses and groups, groups may only refer to names
     * defined before them, and {@code quorum} must be {@link #NONE} or a defined name.
     */
    public Policy(List<Log> logs, List<Witness> witnesses, List<Group> groups, String quorum) {
        this.logs = List.copyOf(logs);
        this.witnesses = List.copyOf(witnesses);
        this.quorum = Objects.requireNonNull(quorum, "quorum");
        Set<String> defined = new HashSet<>();
        for (Witness w : this.witnesses) {
            if (w.name().equals(NONE) || !defined.add(w.name())) {
                throw new IllegalArgumentException("witness name defined twice or reserved: " + w.name());
            }
        }
        Map<String, Group> g = new LinkedHashMap<>();
        for (Group group : groups) {
            for (String m : group.members()) {
                if (!defined.contains(m)) {
                    throw new IllegalArgumentException("group " + group.name() + " refers to undefined " + m);
                }
            }
            if (group.name().equals(NONE) || !defined.add(group.name())) {
                throw new IllegalArgumentException("group name defined twice or reserved: " + group.name());
            }
            g.put(group.name(), group);
        }
        if (!quorum.equals(NONE) && !defined.contains(quorum)) {
            throw new IllegalArgumentException("quorum refers to undefined " + quorum);
        }
        this.groups = java.util.Collections.unmodifiableMap(g);
        this.verifiers = Verifiers.setOf(Stream.concat(this.logs.stream().map(Log::key), this.witnesses.stream().map(Witness::key)).toList());
    }

    /** The logs, in file order. */
    public List<Log> logs() {
        return logs;
    }

    /** The witnesses, in file order. */
    public List<Witness> witnesses() {
        return witnesses;
    }

    /** The groups, in file order (each refers only to earlier names). */
    public List<Group> groups() {
        return List.copyOf(groups.values());
    }

    /** The quorum's name: a witness, a group, or {@link #NONE}. */
    public String quorum() {
        return quorum;
    }

    /** Evaluates a checkpoint note given as bytes; see {@link #evaluate(SignedNote)}. */
    public PolicyEvaluation evaluate(byte[] note) {
        Parsed<SignedNote> parsed = SignedNote.parse(note);
        if (parsed instanceof Parsed.Err<SignedNote> e) {
            return new PolicyEvaluation.Malformed(e.error());
        }
        return evaluate(parsed.orElseThrow());
    }

    /**
     * Evaluates a checkpoint note against this policy. Every signature by a key of this policy is
     * verified first (a bad one rejects the note, c2sp.org/signed-note §Signatures); only then is
     * the text read as a checkpoint, whose origin must be the key name of a log that signed it;
     * finally the verified witness cosignatures are counted against the quorum.
     */
    public PolicyEvaluation evaluate(SignedNote note) {
        NoteVerification v = note.verify(verifiers);
        if (v instanceof NoteVerification.BadSignature b) {
            return new PolicyEvaluation.BadSignature(b.name(), b.keyId());
        }
        if (!(v instanceof NoteVerification.Verified ok)) {
            return new PolicyEvaluation.NoLogSignature("no signature by a key of this policy");
        }
        Parsed<Checkpoint> cp = Checkpoint.parse(note.text());
        if (cp instanceof Parsed.Err<Checkpoint> e) {
            return new PolicyEvaluation.Malformed(e.error());
        }
        Checkpoint checkpoint = cp.orElseThrow();
        Optional<Log> signer = logs.stream()
                .filter(l -> l.origin().equals(checkpoint.origin()))
                .filter(l -> ok.signatures().stream().anyMatch(s -> isBy(s, l.key())))
                .findFirst();
        if (signer.isEmpty()) {
            boolean known = logs.stream().anyMatch(l -> l.origin().equals(checkpoint.origin()));
            return new PolicyEvaluation.NoLogSignature(known
                    ? "no valid signature by the log " + checkpoint.origin()
                    : "origin " + checkpoint.origin() + " is not a log of this policy");
        }
        VerifiedCheckpoint verified = new VerifiedCheckpoint(checkpoint, note, ok.signatures());
        List<String> counted = new ArrayList<>();
        for (Witness w : witnesses) {
            if (ok.signatures().stream().anyMatch(s -> isBy(s, w.key()))) {
                counted.add(w.name());
            }
        }
        if (!satisfied(quorum, new HashSet<>(counted))) {
            return new PolicyEvaluation.QuorumNotMet(verified, counted, quorum);
        }
        return new PolicyEvaluation.Satisfied(verified, signer.get().key().name(), counted);
    }

    private static boolean isBy(VerifiedSignature s, VerifierKey key) {
        return s.name().equals(key.name()) && s.keyId() == key.keyId();
    }

    // Groups only refer to earlier names, so this recursion terminates (tlog-policy §Defining a witness group).
    private boolean satisfied(String name, Set<String> cosigned) {
        if (name.equals(NONE)) {
            return true;
        }
        Group g = groups.get(name);
        if (g == null) {
            return cosigned.contains(name);
        }
        long n = g.members().stream().filter(m -> satisfied(m, cosigned)).count();
        return n >= g.threshold();
    }

    /** The policy in the tlog-policy text format, which {@link PolicyParser#parse} accepts. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Log l : logs) {
            b.append("log ").append(l.key().encoded()).append(l.url().map(u -> " " + u).orElse("")).append('\n');
        }
        for (Witness w : witnesses) {
            b.append("witness ").append(w.name()).append(' ').append(w.key().encoded())
                    .append(w.url().map(u -> " " + u).orElse("")).append('\n');
        }
        for (Group g : groups.values()) {
            b.append("group ").append(g.name()).append(' ').append(g.threshold()).append(' ')
                    .append(String.join(" ", g.members())).append('\n');
        }
        return b.append("quorum ").append(quorum).append('\n').toString();
    }

    /** {@link #text()} as UTF-8. */
    public byte[] textBytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** Names of the keys this policy knows, for diagnostics. */
    public List<KeyName> keyNames() {
        return Stream.concat(logs.stream().map(l -> l.key().name()), witnesses.stream().map(w -> w.key().name())).toList();
    }
}

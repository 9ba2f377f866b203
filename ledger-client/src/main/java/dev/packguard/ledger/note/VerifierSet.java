package dev.packguard.ledger.note;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known keys a note is verified against, looked up by (key name, key ID). Immutable and
 * thread-safe.
 */
public final class VerifierSet {
    private record Id(KeyName name, int keyId) {
    }

    private final Map<Id, NoteVerifier> byId;

    private VerifierSet(Map<Id, NoteVerifier> byId) {
        this.byId = byId;
    }

    /**
     * The set of {@code verifiers}.
     *
     * @throws IllegalArgumentException when two verifiers share name and key ID: then a key list
     *     was tampered with or mis-assembled, and no signature by that pair can be attributed
     */
    public static VerifierSet of(Collection<? extends NoteVerifier> verifiers) {
        Map<Id, NoteVerifier> m = new LinkedHashMap<>();
        for (NoteVerifier v : verifiers) {
            NoteVerifier old = m.putIfAbsent(new Id(v.name(), v.keyId()), v);
            if (old != null && old != v) {
                throw new IllegalArgumentException(String.format("two keys named %s with key ID %08x", v.name(), v.keyId()));
            }
        }
        return new VerifierSet(Map.copyOf(m));
    }

    /** The set of {@code verifiers}. */
    public static VerifierSet of(NoteVerifier... verifiers) {
        return of(List.of(verifiers));
    }

    /** The verifier for the key with this name and key ID, if known. */
    public Optional<NoteVerifier> find(KeyName name, int keyId) {
        return Optional.ofNullable(byId.get(new Id(name, keyId)));
    }

    public int size() {
        return byId.size();
    }
}

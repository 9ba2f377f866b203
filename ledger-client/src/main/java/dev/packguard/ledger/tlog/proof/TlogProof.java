package dev.packguard.ledger.tlog.proof;

import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.InclusionProof;
import dev.packguard.ledger.tlog.ProofCheck;
import dev.packguard.ledger.tlog.Proofs;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A C2SP tlog-proof (v1) file: an entry's index, its RFC 6962 §2.1.1 inclusion proof, and the
 * log's checkpoint (with any witness cosignatures) verbatim, plus optional unauthenticated extra
 * data. Files are written by {@link #serialise()} and read by {@link TlogProofParser#parse}.
 *
 * <p>This type checks the Merkle part only. A complete verification also parses and verifies the
 * checkpoint note against a policy (log key, witnesses, quorum), then calls
 * {@link #verifyInclusion} with the checkpoint's size and root hash.
 */
public final class TlogProof {

    /** The first line of every v1 proof. */
    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    /** A tree of at most 2^62 leaves has audit paths of at most 62 hashes. */
    public static final int MAX_PATH = 62;

    private final byte[] extra;
    private final long index;
    private final List<Hash> path;
    private final String checkpoint;

    private TlogProof(byte[] extra, long index, List<Hash> path, String checkpoint) {
        this.extra = extra;
        this.index = index;
        this.path = path;
        this.checkpoint = checkpoint;
    }

    /**
     * A proof to write.
     *
     * @param index the entry's zero-based index, below 2^62
     * @param path the inclusion proof, leaf to root, at most {@link #MAX_PATH} hashes
     * @param checkpoint the signed checkpoint note text, ending in a newline
     * @param extra opaque application data, or empty
     * @throws IllegalArgumentException if a value cannot be written in the format
     */
    public static TlogProof of(long index, List<Hash> path, String checkpoint, Optional<byte[]> extra) {
        if (index < 0 || index >= 1L << 62) {
            throw new IllegalArgumentException("index must be 0..2^62-1: " + index);
        }
        if (path.size() > MAX_PATH) {
            throw new IllegalArgumentException("at most " + MAX_PATH + " proof hashes, got " + path.size());
        }
        if (checkpoint.isEmpty() || !checkpoint.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint note is non-empty and ends with a newline");
        }
        return new TlogProof(extra.map(byte[]::clone).orElse(null), index, List.copyOf(path), checkpoint);
    }

    /** The entry's index in the log. */
    public long index() {
        return index;
    }

    /** The inclusion proof hashes, from the leaf's sibling up to the root's child. */
    public List<Hash> path() {
        return path;
    }

    /** The checkpoint note, verbatim, to be verified against the policy by the caller. */
    public String checkpoint() {
        return checkpoint;
    }

    /** The extra data, unauthenticated: never trust it without checking it independently. */
    public Optional<byte[]> extra() {
        return Optional.ofNullable(extra).map(byte[]::clone);
    }

    /** This proof as an {@link InclusionProof} in a tree of {@code treeSize} leaves. */
    public InclusionProof inclusionProof(long treeSize) {
        return new InclusionProof(index, treeSize, path);
    }

    /**
     * The Merkle step of verifying this proof: that {@code leafHash} sits at {@link #index()} in
     * the tree of {@code treeSize} leaves with root {@code rootHash} (RFC 9162 §2.1.3.2). The
     * size and root must come from the checkpoint after its signatures satisfied the policy.
     */
    public ProofCheck verifyInclusion(Hash leafHash, long treeSize, Hash rootHash) {
        return Proofs.verifyInclusion(leafHash, index, treeSize, path, rootHash);
    }

    /** The file text: header, extra line if any, index line, hashes, empty line, checkpoint. */
    public String serialise() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            out.append("extra ").append(java.util.Base64.getEncoder().encodeToString(extra)).append('\n');
        }
        out.append("index ").append(index).append('\n');
        for (Hash h : path) {
            out.append(h.base64()).append('\n');
        }
        return out.append('\n').append(checkpoint).toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TlogProof that && index == that.index && Arrays.equals(extra, that.extra)
                && path.equals(that.path) && checkpoint.equals(that.checkpoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, path, checkpoint) * 31 + Arrays.hashCode(extra);
    }

    @Override
    public String toString() {
        return "TlogProof[index " + index + ", " + path.size() + " hashes]";
    }
}

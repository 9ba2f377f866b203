package dev.packguard.ledger.testing;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.checkpoint.CosignatureV1;
import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.NoteSigner;
import dev.packguard.ledger.note.Notes;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.MemoryTree;
import dev.packguard.ledger.tlog.tiles.TileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small signed tlog-tiles log on disk for tests: entries, tiles and bundles, a checkpoint
 * signed by the log's key and cosigned by witnesses, and the matching policy file. Keys are
 * derived from their names, so every run produces the same log.
 */
public final class SignedTestLog {
    private final String origin;
    private final SignerKey logKey;
    private final List<SignerKey> witnesses = new ArrayList<>();
    private final List<byte[]> entries = new ArrayList<>();
    private final Clock clock;

    /** A log named {@code origin} with {@code witnessCount} witnesses, cosigning at {@code clock}'s time. */
    public SignedTestLog(String origin, int witnessCount, Clock clock) {
        this.origin = origin;
        this.clock = clock;
        this.logKey = key(origin, SignatureType.ED25519);
        for (int i = 1; i <= witnessCount; i++) {
            witnesses.add(key("witness" + i + ".example", SignatureType.COSIGNATURE_V1));
        }
    }

    /** Deterministic key: the seed is SHA-256 of type and name. */
    public static SignerKey key(String name, SignatureType type) {
        try {
            byte[] seed = MessageDigest.getInstance("SHA-256").digest((type + "/" + name).getBytes(StandardCharsets.UTF_8));
            return SignerKey.fromSeed(new KeyName(name), type, seed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String origin() {
        return origin;
    }

    public SignerKey logKey() {
        return logKey;
    }

    /** Appends {@code n} small JSON entries tagged {@code tag}. */
    public SignedTestLog append(int n, String tag) {
        for (int i = 0; i < n; i++) {
            entries.add(("{\"n\":" + entries.size() + ",\"tag\":\"" + tag + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** Appends the given entries as they are. */
    public SignedTestLog appendRaw(List<byte[]> more) {
        entries.addAll(more);
        return this;
    }

    public int size() {
        return entries.size();
    }

    /** The root hash of the log at its current size. */
    public Hash root() {
        MemoryTree tree = new MemoryTree();
        entries.forEach(tree::appendEntry);
        return tree.root();
    }

    /** A checkpoint note for {@code root} at {@code size}, signed by the log and {@code cosigners} witnesses. */
    public byte[] checkpoint(long size, Hash root, int cosigners) {
        String text = Checkpoint.of(origin, size, root.bytes()).text();
        List<NoteSigner> signers = new ArrayList<>();
        signers.add(logKey.noteSigner());
        for (int i = 0; i < cosigners; i++) {
            signers.add(CosignatureV1.signer(witnesses.get(i), clock));
        }
        return Notes.sign(text, signers).encodedBytes();
    }

    /** Writes every tile, bundle and a checkpoint cosigned by all witnesses into {@code dir}. */
    public void writeTo(Path dir) {
        try {
            for (Map.Entry<String, byte[]> f : TileWriter.writeLog(entries).entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            Files.createDirectories(dir);
            Files.write(dir.resolve("checkpoint"), checkpoint(entries.size(), root(), witnesses.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tlog-policy file trusting this log and requiring {@code quorum} of its witnesses. */
    public String policy(int quorum) {
        StringBuilder b = new StringBuilder("log ").append(logKey.verifierKey().encoded()).append('\n');
        List<String> names = new ArrayList<>();
        for (int i = 0; i < witnesses.size(); i++) {
            String name = "w" + (i + 1);
            names.add(name);
            b.append("witness ").append(name).append(' ').append(witnesses.get(i).verifierKey().encoded()).append('\n');
        }
        if (quorum == 0) {
            return b.append("quorum none\n").toString();
        }
        b.append("group witnesses ").append(quorum).append(' ').append(String.join(" ", names)).append('\n');
        return b.append("quorum witnesses\n").toString();
    }
}

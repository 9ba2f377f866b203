package dev.packguard.node.sequencer;

import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.node.tiles.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Where a node keeps its state: the served log directory ({@code checkpoint}, {@code tile/})
 * and, beside it in {@code node/}, what must never be served:
 *
 * <pre>
 * node/log.key     the log's signing key, PRIVATE+KEY+&lt;origin&gt;+&lt;id&gt;+&lt;base64&gt; (mode 600)
 * node/journal     every acknowledged entry ({@link Journal})
 * </pre>
 *
 * The key's name is the log's origin (c2sp.org/tlog-checkpoint: the origin line names the log
 * and its key).
 *
 * @param root the log directory
 */
public record NodeFiles(Path root) {
    /** Normalises the path. */
    public NodeFiles {
        root = root.toAbsolutePath().normalize();
    }

    /** The directory of private state. */
    public Path nodeDir() {
        return root.resolve("node");
    }

    /** The signing key file. */
    public Path keyFile() {
        return nodeDir().resolve("log.key");
    }

    /** The journal file. */
    public Path journal() {
        return nodeDir().resolve("journal");
    }

    /** True when {@code root} holds a node (a key file), not just a copy of a log. */
    public boolean isNode() {
        return Files.isRegularFile(keyFile());
    }

    /**
     * Creates a new node for log {@code origin} with a fresh Ed25519 key.
     *
     * @throws IOException if a node already exists there, or on a write failure
     */
    public static NodeFiles create(Path root, String origin, SecureRandom random) throws IOException {
        return create(root, SignerKey.generate(new KeyName(origin), SignatureType.ED25519, random));
    }

    /** Creates a new node signing with {@code key} (deterministic keys for demos and tests). */
    public static NodeFiles create(Path root, SignerKey key) throws IOException {
        if (key.type() != SignatureType.ED25519) {
            throw new IllegalArgumentException("a log key is an Ed25519 note key, not " + key.type());
        }
        NodeFiles files = new NodeFiles(root);
        if (files.isNode()) {
            throw new IOException("a node already exists in " + files.root());
        }
        Files.createDirectories(files.nodeDir());
        AtomicFiles.writeDurably(files.keyFile(), (key.encoded() + "\n").getBytes(StandardCharsets.US_ASCII));
        try {
            Files.setPosixFilePermissions(files.keyFile(), PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the directory's ACL; nothing more to do portably.
        }
        return files;
    }

    /**
     * Reads the signing key.
     *
     * @throws IOException if it is missing, unreadable or not a valid Ed25519 signer key
     */
    public SignerKey readKey() throws IOException {
        String text = Files.readString(keyFile(), StandardCharsets.US_ASCII).strip();
        Parsed<SignerKey> parsed = SignerKey.parse(text);
        if (parsed instanceof Parsed.Err<SignerKey> err) {
            throw new IOException(keyFile() + " is not a signer key: " + err.error().reason());
        }
        SignerKey key = parsed.orElseThrow();
        if (key.type() != SignatureType.ED25519) {
            throw new IOException(keyFile() + " holds a " + key.type() + " key; a log signs with Ed25519");
        }
        return key;
    }
}

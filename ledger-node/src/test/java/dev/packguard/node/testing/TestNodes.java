package dev.packguard.node.testing;

import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.ledger.testing.SignedTestLog;
import dev.packguard.node.sequencer.NodeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Shared fixtures: deterministic node keys and canonical JSON entries. */
public final class TestNodes {
    public static final String ORIGIN = "example.org/packguard-node-test";

    private TestNodes() {
    }

    /** The log key of {@link #ORIGIN}, derived from its name. */
    public static SignerKey logKey() {
        return SignedTestLog.key(ORIGIN, SignatureType.ED25519);
    }

    /** A new node directory under {@code dir}. */
    public static NodeFiles create(Path dir) throws IOException {
        return NodeFiles.create(dir, logKey());
    }

    /** A small canonical JSON entry (RFC 8785: sorted keys, no spaces). */
    public static byte[] entry(String who, int n) {
        return ("{\"n\":" + n + ",\"who\":\"" + who + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}

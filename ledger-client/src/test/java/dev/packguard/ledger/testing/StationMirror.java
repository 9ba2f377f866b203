package dev.packguard.ledger.testing;

import dev.packguard.ledger.index.StatementIndexer;
import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.ledger.mirror.SyncResult;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A station's view of a test log, the real way: the entries are written as a signed tlog-tiles
 * log with {@link SignedTestLog}, served over HTTP on 127.0.0.1 by {@link StaticDirServer},
 * and synced into a fresh mirror (policy checked, every hash recomputed) with the
 * {@link StatementIndexer}. The log directory, the policy and the mirror stay in {@code dir}.
 */
public final class StationMirror {
    /** The log's origin line. */
    public static final String ORIGIN = "ledger.packguard.test/rules";

    private StationMirror() {}

    /** Writes, serves and syncs {@code entries}; the caller closes the returned store. */
    public static MirrorStore sync(List<byte[]> entries, Path dir, Clock clock) throws Exception {
        SignedTestLog log = new SignedTestLog(ORIGIN, 2, clock).appendRaw(entries);
        Path logDir = dir.resolve("log");
        log.writeTo(logDir);
        String policyText = log.policy(2);
        Files.writeString(dir.resolve("policy.txt"), policyText, StandardCharsets.UTF_8);
        Policy policy = ((Parsed.Ok<Policy>) PolicyParser.parse(policyText)).value();
        MirrorStore store = MirrorStore.open(dir.resolve("mirror.db"), new StatementIndexer());
        try (StaticDirServer server = new StaticDirServer(logDir)) {
            var settings = new LogFetcher.Settings(Duration.ofSeconds(10), 2, Duration.ofMillis(10), 2);
            SyncResult result = new MirrorSync(store, new LogFetcher(server.base(), settings), new PolicyVerifier(policy, clock), clock)
                    .sync(p -> { });
            if (!(result instanceof SyncResult.Synced)) {
                store.close();
                throw new IOException("test log did not sync: " + result);
            }
        }
        return store;
    }
}

package dev.packguard.ledger.mirror;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Runs one sync in its own JVM, so a test can kill it with SIGKILL in the middle. */
public final class SyncChild {
    private SyncChild() {
    }

    public static void main(String[] args) throws Exception {
        try (MirrorStore store = MirrorStore.open(Path.of(args[0]))) {
            var settings = new LogFetcher.Settings(Duration.ofSeconds(30), 1, Duration.ofMillis(10), 2);
            new MirrorSync(store, new LogFetcher(URI.create(args[1]), settings), new BodyOnlyVerifier(),
                    Clock.systemUTC()).sync(p -> { });
        }
    }
}

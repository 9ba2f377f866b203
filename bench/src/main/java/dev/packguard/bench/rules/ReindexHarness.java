package dev.packguard.bench.rules;

import dev.packguard.ledger.index.StatementIndexer;
import dev.packguard.ledger.mirror.MirrorStore;
import java.nio.file.Path;

/**
 * Prints how fast the statement index is built: drops and rebuilds it on a copy of a mirror
 * ({@code MirrorStore.rebuildIndex()}, one transaction), which is the indexer's share of a sync.
 * {@code java -cp bench/target/benchmarks.jar dev.packguard.bench.rules.ReindexHarness COPY.db}
 * — it rewrites the index of the file it is given, so give it a copy.
 */
public final class ReindexHarness {
    private ReindexHarness() {}

    public static void main(String[] args) throws Exception {
        try (MirrorStore store = MirrorStore.open(Path.of(args[0]), new StatementIndexer())) {
            long n = store.verified().orElseThrow().size();
            long t0 = System.nanoTime();
            store.rebuildIndex();
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("rebuildIndex: %,d entries in %.1f s = %,.0f entries/s%n", n, s, n / s);
        }
    }
}

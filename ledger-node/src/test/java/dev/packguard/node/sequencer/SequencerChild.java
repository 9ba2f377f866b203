package dev.packguard.node.sequencer;

import dev.packguard.node.testing.TestNodes;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The node process that {@link KillNineTest} kills: opens (recovering) the node in
 * {@code args[0]} and submits entries from four threads forever, printing
 * {@code ack <index> <tag> <n>} once each is acknowledged. Entries are tagged with
 * {@code args[1]} so that rounds never submit the same bytes.
 */
public final class SequencerChild {
    private SequencerChild() {
    }

    public static void main(String[] args) throws Exception {
        NodeFiles files = new NodeFiles(Path.of(args[0]));
        var settings = new Sequencer.Settings(Duration.ofMillis(20), Duration.ofHours(1), 64, 10_000);
        Sequencer s = Sequencer.open(files, new CanonicalJsonValidator(), CheckpointCosigner.NONE, settings,
                Clock.systemUTC());
        PrintStream out = System.out;
        out.println("ready " + s.sequenced());
        out.flush();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String tag = args[1] + "-" + t;
            Thread th = new Thread(() -> {
                for (int n = 0; ; n++) {
                    try {
                        Submission r = s.submit(TestNodes.entry(tag, n)).get();
                        if (r instanceof Submission.Sequenced q) {
                            synchronized (out) {
                                out.println("ack " + q.index() + " " + tag + " " + n);
                                out.flush();
                            }
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
    }
}

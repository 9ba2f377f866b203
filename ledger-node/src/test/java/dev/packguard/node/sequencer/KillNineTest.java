package dev.packguard.node.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.note.SignedNote;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.MemoryTree;
import dev.packguard.ledger.tlog.tiles.EntryBundle;
import dev.packguard.ledger.tlog.tiles.Tile;
import dev.packguard.ledger.tlog.tiles.Tiles;
import dev.packguard.node.testing.TestNodes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at arbitrary moments while four threads submit: after each restart every
 * acknowledged entry is in the log at the index it was given, and every checkpoint ever
 * published is consistent with the final tree. The node runs in a child JVM killed with
 * {@link Process#destroyForcibly()} (SIGKILL on Linux).
 */
class KillNineTest {
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void killNine_atRandomMoments_losesNoAcknowledgedEntryAndNeverForks() throws Exception {
        NodeFiles files = TestNodes.create(dir.resolve("log"));
        Map<Long, byte[]> acked = new ConcurrentHashMap<>();
        Set<String> checkpoints = new LinkedHashSet<>();
        Random random = new Random(6);
        for (int round = 0; round < ROUNDS; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SequencerChild.class.getName(),
                    files.root().toString(), "r" + round)
                    .redirectError(dir.resolve("child-" + round + ".err").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> read(out, acked));
            reader.start();
            // Kill after a random number of acknowledgements, sampling the published checkpoint.
            int target = acked.size() + 50 + random.nextInt(400);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acked.size() < target && child.isAlive() && System.nanoTime() < deadline) {
                sample(files, checkpoints);
                Thread.sleep(random.nextInt(15));
            }
            assertThat(child.isAlive()).as("round %d child alive, see child-%d.err", round, round).isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            sample(files, checkpoints);
        }
        assertThat(acked.size()).isGreaterThan(ROUNDS * 50);

        var settings = new Sequencer.Settings(Duration.ofHours(1), Duration.ofHours(1), 64, 10_000);
        try (Sequencer s = Sequencer.open(files, new CanonicalJsonValidator(), CheckpointCosigner.NONE, settings,
                Clock.systemUTC())) {
            Published p = s.published().orElseThrow();
            assertThat(p.size()).as("restart integrates every journalled entry").isEqualTo(s.sequenced());
            List<byte[]> log = readLog(files.root(), p.size());
            for (Map.Entry<Long, byte[]> a : acked.entrySet()) {
                assertThat(a.getKey()).isLessThan(p.size());
                assertThat(log.get(a.getKey().intValue())).as("entry %d", a.getKey()).isEqualTo(a.getValue());
            }
            MemoryTree tree = new MemoryTree();
            log.forEach(tree::appendEntry);
            assertThat(Hash.of(p.checkpoint().rootHash())).isEqualTo(tree.root());
            assertThat(checkpoints).hasSizeGreaterThan(ROUNDS);
            for (String note : checkpoints) {
                Checkpoint cp = Checkpoint.parse(SignedNote.parse(note).orElseThrow().text()).orElseThrow();
                assertThat(Hash.of(cp.rootHash())).as("checkpoint %s is a prefix of the final log", cp)
                        .isEqualTo(tree.root(cp.size()));
            }
        }
    }

    private static void read(BufferedReader out, Map<Long, byte[]> acked) {
        try {
            for (String line; (line = out.readLine()) != null; ) {
                String[] f = line.split(" ");
                // A line cut by the kill has fewer fields or a partial number; it was printed
                // after the acknowledgement, so dropping it only weakens the check.
                if (f.length == 4 && f[0].equals("ack") && f[3].matches("[0-9]+")) {
                    acked.put(Long.parseLong(f[1]), TestNodes.entry(f[2], Integer.parseInt(f[3])));
                }
            }
        } catch (java.io.IOException e) {
            // the child died
        }
    }

    private static void sample(NodeFiles files, Set<String> checkpoints) throws Exception {
        try {
            checkpoints.add(Files.readString(files.root().resolve("checkpoint")));
        } catch (NoSuchFileException e) {
            // not published yet
        }
    }

    // The entries as served: every bundle of the published size, parsed like a client would.
    private static List<byte[]> readLog(Path root, long size) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (Tile t : Tiles.forTreeSize(size)) {
            if (t.level() == 0) {
                byte[] data = Files.readAllBytes(root.resolve(t.entriesPath()));
                out.addAll(EntryBundle.parse(t, data).ok().orElseThrow().entries());
            }
        }
        assertThat(out.stream().map(Arrays::hashCode).count()).isEqualTo(size);
        return out;
    }
}

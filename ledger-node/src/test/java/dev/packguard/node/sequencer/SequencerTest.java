package dev.packguard.node.sequencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.ProofCheck;
import dev.packguard.ledger.tlog.TreeHash;
import dev.packguard.ledger.tlog.proof.TlogProof;
import dev.packguard.ledger.tlog.tiles.TileWriter;
import dev.packguard.node.testing.TestNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequencerTest {
    // A long interval: the tests integrate explicitly, so every checkpoint is deterministic.
    private static final Sequencer.Settings SETTINGS =
            new Sequencer.Settings(Duration.ofHours(1), Duration.ofHours(1), 1024, 10_000);

    @TempDir
    Path dir;

    private Sequencer open(NodeFiles files) throws IOException {
        return Sequencer.open(files, new CanonicalJsonValidator(), CheckpointCosigner.NONE, SETTINGS, Clock.systemUTC());
    }

    private static List<byte[]> entries(int from, int to) {
        List<byte[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(TestNodes.entry("a", i));
        }
        return out;
    }

    @Test
    void submit_assignsIndicesInOrderAndPublishesTilesMatchingTheReferenceWriter() throws Exception {
        NodeFiles files = TestNodes.create(dir);
        List<byte[]> entries = entries(0, 700);
        try (Sequencer s = open(files)) {
            assertThat(s.published().orElseThrow().size()).as("an empty log publishes size 0").isZero();
            for (int i = 0; i < entries.size(); i++) {
                assertThat(s.submit(entries.get(i)).get()).isEqualTo(new Submission.Sequenced(i));
            }
            Published p = s.integrateNow().orElseThrow();
            assertThat(p.size()).isEqualTo(700);
            assertThat(Hash.of(p.checkpoint().rootHash())).isEqualTo(TreeHash.rootOfEntries(entries));
        }
        for (Map.Entry<String, byte[]> f : TileWriter.writeLog(entries).entrySet()) {
            assertThat(dir.resolve(f.getKey())).as(f.getKey()).hasBinaryContent(f.getValue());
        }
        assertThat(dir.resolve("checkpoint")).exists();
    }

    @Test
    void proof_ofIntegratedEntry_verifiesAgainstThePublishedCheckpoint() throws Exception {
        try (Sequencer s = open(TestNodes.create(dir))) {
            List<CompletableFuture<Submission>> answers = new ArrayList<>();
            entries(0, 300).forEach(e -> answers.add(s.submit(e)));
            long index = ((Submission.Sequenced) answers.get(123).get()).index();
            assertThat(s.proof(index)).as("not integrated yet").isEmpty();
            CompletableFuture<Published> waiting = s.integrated(index);
            s.integrateNow();
            Published p = waiting.get();
            TlogProof proof = s.proof(index).orElseThrow();
            assertThat(proof.checkpoint()).isEqualTo(p.note().encoded());
            ProofCheck check = proof.verifyInclusion(TreeHash.leafHash(TestNodes.entry("a", 123)), p.size(),
                    Hash.of(p.checkpoint().rootHash()));
            assertThat(check).isInstanceOf(ProofCheck.Verified.class);
        }
    }

    @Test
    void submit_badEntries_areRefusedAndNothingIsJournalled() throws Exception {
        NodeFiles files = TestNodes.create(dir);
        try (Sequencer s = open(files)) {
            assertThat(s.submit(new byte[70_000]).get()).isInstanceOf(Submission.TooLarge.class);
            assertThat(s.submit("{\"b\":1,\"a\":2}".getBytes()).get()).isInstanceOf(Submission.Rejected.class);
            assertThat(s.submit("not json".getBytes()).get()).isInstanceOf(Submission.Rejected.class);
            assertThat(s.sequenced()).isZero();
        }
        assertThat(Files.size(files.journal())).isEqualTo("packguard-journal/v1\n".length());
    }

    @Test
    void open_afterRestart_keepsEveryEntryAndTheSameCheckpoint() throws Exception {
        NodeFiles files = TestNodes.create(dir);
        Published before;
        try (Sequencer s = open(files)) {
            for (byte[] e : entries(0, 300)) {
                s.submit(e).get();
            }
            before = s.integrateNow().orElseThrow();
        }
        try (Sequencer s = open(files)) {
            assertThat(s.sequenced()).isEqualTo(300);
            assertThat(s.published().orElseThrow().checkpoint()).isEqualTo(before.checkpoint());
            assertThat(s.submit(TestNodes.entry("b", 0)).get()).isEqualTo(new Submission.Sequenced(300));
            assertThat(s.integrateNow().orElseThrow().size()).isEqualTo(301);
        }
    }

    @Test
    void open_withJournalledButUnpublishedEntries_finishesTheBatch() throws Exception {
        NodeFiles files = TestNodes.create(dir);
        try (Sequencer s = open(files)) {
            for (byte[] e : entries(0, 100)) {
                s.submit(e).get();
            }
            s.integrateNow();
        }
        // What a kill between the journal fsync and the checkpoint leaves: acknowledged entries
        // in the journal, a torn record after them, the checkpoint still at 100.
        try (Journal j = Journal.open(files.journal(), (i, e) -> { })) {
            j.append(entries(100, 600));
        }
        Files.write(files.journal(), new byte[] {0, 0, 1, 0, 42}, StandardOpenOption.APPEND);
        Path torn = dir.resolve("tile/0/.tmp-001-1234");
        Files.write(torn, new byte[100]);
        try (Sequencer s = open(files)) {
            Published p = s.published().orElseThrow();
            assertThat(p.size()).isEqualTo(600);
            assertThat(Hash.of(p.checkpoint().rootHash())).isEqualTo(TreeHash.rootOfEntries(entries(0, 600)));
        }
        assertThat(torn).as("a killed writer's temporary file is removed").doesNotExist();
        for (Map.Entry<String, byte[]> f : TileWriter.writeLog(entries(0, 600)).entrySet()) {
            assertThat(dir.resolve(f.getKey())).as(f.getKey()).hasBinaryContent(f.getValue());
        }
    }

    @Test
    void open_whenJournalDisagreesWithPublishedCheckpoint_refusesToStart() throws Exception {
        NodeFiles files = TestNodes.create(dir);
        try (Sequencer s = open(files)) {
            for (byte[] e : entries(0, 10)) {
                s.submit(e).get();
            }
            s.integrateNow();
        }
        Files.delete(files.journal());
        assertThatThrownBy(() -> open(files)).isInstanceOf(IOException.class).hasMessageContaining("refusing to sign");
        try (Journal j = Journal.open(files.journal(), (i, e) -> { })) {
            j.append(entries(1, 12));
        }
        assertThatThrownBy(() -> open(files)).isInstanceOf(IOException.class).hasMessageContaining("do not hash");
    }
}

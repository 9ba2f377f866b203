package dev.packguard.node.witness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.checkpoint.CosignatureV1;
import dev.packguard.ledger.note.Notes;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignedNote;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.ledger.testing.SignedTestLog;
import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.MemoryTree;
import dev.packguard.node.testing.TestNodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC);
    private static final SignerKey WITNESS_KEY = SignedTestLog.key("witness.example/w1", SignatureType.COSIGNATURE_V1);

    @TempDir
    Path dir;
    private final MemoryTree tree = new MemoryTree();
    private final MemoryTree fork = new MemoryTree();
    private Witness witness;

    @BeforeEach
    void setUp() {
        for (int i = 0; i < 100; i++) {
            tree.appendEntry(TestNodes.entry("a", i));
            fork.appendEntry(TestNodes.entry(i == 42 ? "evil" : "a", i));
        }
        witness = newWitness();
    }

    private Witness newWitness() {
        return new Witness(WITNESS_KEY, Map.of(TestNodes.ORIGIN, TestNodes.logKey().verifierKey()), dir, CLOCK);
    }

    private static byte[] note(MemoryTree t, long size, SignerKey key) {
        Checkpoint cp = Checkpoint.of(TestNodes.ORIGIN, size, t.root(size).bytes());
        return Notes.sign(cp.text(), List.of(key.noteSigner())).encodedBytes();
    }

    private WitnessAnswer add(long old, MemoryTree t, long size) {
        return witness.addCheckpoint(new AddCheckpointRequest(old, t.consistencyProof(old, size).path(),
                note(t, size, TestNodes.logKey())));
    }

    @Test
    void addCheckpoint_consistentSequence_isCosignedAndTheCosignatureVerifies() {
        WitnessAnswer first = add(0, tree, 10);
        assertThat(first).isInstanceOf(WitnessAnswer.Cosigned.class);
        var sig = ((WitnessAnswer.Cosigned) first).cosignatures().get(0);
        byte[] text = SignedNote.parse(note(tree, 10, TestNodes.logKey())).orElseThrow().textBytes();
        assertThat(CosignatureV1.verifier(WITNESS_KEY.verifierKey()).verify(text, sig.signature())).isTrue();
        assertThat(CosignatureV1.timestamp(sig.signature())).contains(CLOCK.instant());
        assertThat(add(10, tree, 37)).isInstanceOf(WitnessAnswer.Cosigned.class);
        assertThat(add(37, tree, 37)).as("same size, same root").isInstanceOf(WitnessAnswer.Cosigned.class);
        assertThat(add(37, tree, 100)).isInstanceOf(WitnessAnswer.Cosigned.class);
        assertThat(witness.load(TestNodes.ORIGIN).orElseThrow().size()).isEqualTo(100);
    }

    @Test
    void addCheckpoint_secondRootForACosignedSize_isRefusedAndStateIsUnchanged() {
        add(0, tree, 40);
        // The forked tree differs at entry 42, after the cosigned size: its own proof from 40
        // is valid only for its own root at 40, which is not the one the witness holds.
        WitnessAnswer a = witness.addCheckpoint(new AddCheckpointRequest(40, fork.consistencyProof(40, 100).path(),
                note(fork, 100, TestNodes.logKey())));
        assertThat(a).isInstanceOf(WitnessAnswer.Cosigned.class).as("entry 42 is after 40: a valid extension");
        WitnessAnswer forked = witness.addCheckpoint(new AddCheckpointRequest(100, List.of(),
                note(tree, 100, TestNodes.logKey())));
        assertThat(forked).isInstanceOf(WitnessAnswer.RootMismatch.class);
        assertThat(forked.status()).isEqualTo(409);
        assertThat(Hash.of(witness.load(TestNodes.ORIGIN).orElseThrow().rootHash())).isEqualTo(fork.root(100));
    }

    @Test
    void addCheckpoint_proofFromAnotherHistory_is422() {
        add(0, tree, 50);
        WitnessAnswer a = witness.addCheckpoint(new AddCheckpointRequest(50, fork.consistencyProof(50, 100).path(),
                note(fork, 100, TestNodes.logKey())));
        assertThat(a).isInstanceOf(WitnessAnswer.InvalidProof.class);
        assertThat(a.status()).isEqualTo(422);
        assertThat(witness.load(TestNodes.ORIGIN).orElseThrow().size()).isEqualTo(50);
    }

    @Test
    void addCheckpoint_staleOrWrongOldSize_is409WithTheLatestSize() {
        add(0, tree, 60);
        assertThat(add(30, tree, 80)).isEqualTo(new WitnessAnswer.SizeConflict(60));
        assertThat(add(0, tree, 80)).isEqualTo(new WitnessAnswer.SizeConflict(60));
        WitnessAnswer above = witness.addCheckpoint(new AddCheckpointRequest(60, List.of(), note(tree, 50, TestNodes.logKey())));
        assertThat(above).as("old above the checkpoint").isInstanceOf(WitnessAnswer.BadRequest.class);
    }

    @Test
    void addCheckpoint_unknownOriginOrWrongKey_isRefused() {
        SignerKey other = SignedTestLog.key("other.example/log", SignatureType.ED25519);
        Checkpoint cp = Checkpoint.of("other.example/log", 5, tree.root(5).bytes());
        byte[] unknown = Notes.sign(cp.text(), List.of(other.noteSigner())).encodedBytes();
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), unknown)).status()).isEqualTo(404);
        SignerKey impostor = SignedTestLog.key(TestNodes.ORIGIN + "x", SignatureType.ED25519);
        Checkpoint mine = Checkpoint.of(TestNodes.ORIGIN, 5, tree.root(5).bytes());
        byte[] forged = Notes.sign(mine.text(), List.of(impostor.noteSigner())).encodedBytes();
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), forged)).status()).isEqualTo(403);
        assertThat(witness.load(TestNodes.ORIGIN)).isEmpty();
    }

    @Test
    void state_survivesARestart() {
        add(0, tree, 70);
        witness = newWitness();
        assertThat(add(0, tree, 90)).isEqualTo(new WitnessAnswer.SizeConflict(70));
        assertThat(add(70, tree, 90)).isInstanceOf(WitnessAnswer.Cosigned.class);
    }

    @Test
    void parse_specExampleRequest_roundTrips() {
        // The request body layout from c2sp.org/tlog-witness §add-checkpoint (its example
        // hashes; the note is ours, since the example's signatures are not for a known key).
        String body = """
                old 20852014
                PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
                jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
                5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
                /6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

                """ + new String(note(tree, 10, TestNodes.logKey()), StandardCharsets.UTF_8);
        AddCheckpointRequest r = AddCheckpointRequest.parse(body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(r.oldSize()).isEqualTo(20852014);
        assertThat(r.proof()).hasSize(4);
        assertThat(r.proof().get(0)).isEqualTo(Hash.parseBase64("PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=").ok().orElseThrow());
        assertThat(new String(r.encode(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void parse_malformedRequests_areRefused() {
        for (String bad : List.of("old 01\n\nx\n", "old 1\n", "old -1\n\nx\n", "old 1\nnot base64\n\nx\n",
                "new 1\n\nx\n", "old 1\n\n")) {
            assertThat(AddCheckpointRequest.parse(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(dev.packguard.ledger.note.Parsed.Err.class);
        }
    }
}

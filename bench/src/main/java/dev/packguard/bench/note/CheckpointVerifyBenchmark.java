package dev.packguard.bench.note;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.checkpoint.CosignatureV1;
import dev.packguard.ledger.checkpoint.Verifiers;
import dev.packguard.ledger.note.KeyName;
import dev.packguard.ledger.note.NoteSigner;
import dev.packguard.ledger.note.NoteVerification;
import dev.packguard.ledger.note.NoteVerifier;
import dev.packguard.ledger.note.SignedNote;
import dev.packguard.ledger.note.Notes;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.SignerKey;
import dev.packguard.ledger.note.VerifierKey;
import dev.packguard.ledger.note.VerifierSet;
import dev.packguard.ledger.policy.Policy;
import dev.packguard.ledger.policy.PolicyEvaluation;
import dev.packguard.ledger.policy.PolicyParser;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying one checkpoint note signed by the log and cosigned by three witnesses, as a station
 * does for every checkpoint it syncs: {@code evaluatePolicy} parses the note, verifies all four
 * Ed25519 signatures, parses the checkpoint and checks a 2-of-3 quorum; {@code openNote} is the
 * signed-note layer alone. Run: {@code java -jar bench/target/benchmarks.jar note}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CheckpointVerifyBenchmark {
    private byte[] note;
    private Policy policy;
    private VerifierSet keys;
    private NoteVerifier logVerifier;
    private byte[] text;
    private byte[] logSignature;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        SignerKey log = SignerKey.generate(new KeyName("log.packguard.example/consortium"), SignatureType.ED25519, random);
        List<NoteSigner> signers = new ArrayList<>(List.of(log.noteSigner()));
        List<VerifierKey> vkeys = new ArrayList<>(List.of(log.verifierKey()));
        StringBuilder policyText = new StringBuilder("log " + log.verifierKey().encoded() + "\n");
        for (int i = 1; i <= 3; i++) {
            SignerKey w = SignerKey.generate(new KeyName("witness" + i + ".example"), SignatureType.COSIGNATURE_V1, random);
            signers.add(CosignatureV1.signer(w, Clock.systemUTC()));
            vkeys.add(w.verifierKey());
            policyText.append("witness w").append(i).append(' ').append(w.verifierKey().encoded()).append('\n');
        }
        policyText.append("group witnesses 2 w1 w2 w3\nquorum witnesses\n");
        byte[] root = new byte[32];
        random.nextBytes(root);
        note = Notes.sign(Checkpoint.of("log.packguard.example/consortium", 1_000_000, root).text(), signers).encodedBytes();
        policy = PolicyParser.parse(policyText.toString()).orElseThrow();
        keys = Verifiers.setOf(vkeys);
        SignedNote parsed = SignedNote.parse(note).orElseThrow();
        text = parsed.textBytes();
        logSignature = parsed.signatures().get(0).signature();
        logVerifier = Verifiers.of(log.verifierKey());
        if (!(policy.evaluate(note) instanceof PolicyEvaluation.Satisfied)) {
            throw new IllegalStateException("benchmark note does not satisfy its policy");
        }
    }

    @Benchmark
    public PolicyEvaluation evaluatePolicy() {
        return policy.evaluate(note);
    }

    /** One Ed25519 verification (the log's signature), for scale. */
    @Benchmark
    public boolean verifyOneSignature() {
        return logVerifier.verify(text, logSignature);
    }

    @Benchmark
    public NoteVerification openNote() {
        return Notes.open(note, keys);
    }
}

package dev.packguard.ledger.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.checkpoint.Checkpoint;
import dev.packguard.ledger.checkpoint.CosignatureV1;
import dev.packguard.ledger.checkpoint.NoteFixtures;
import dev.packguard.ledger.note.NoteSigner;
import dev.packguard.ledger.note.Notes;
import dev.packguard.ledger.note.SignerKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyEvaluationTest {
    static final SignerKey LOG = PolicyTestKeys.log("log.example/a");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);
    static final List<String> WITNESSES = List.of("X1", "X2", "X3", "Y1", "Y2", "Y3");

    // The example policy of c2sp.org/tlog-policy §Example policy, with keys filled in.
    static Policy specExamplePolicy() {
        StringBuilder b = new StringBuilder("log ").append(LOG.verifierKey().encoded()).append('\n');
        for (String w : WITNESSES) {
            b.append("witness ").append(w).append(' ').append(PolicyTestKeys.witness(w + ".example").verifierKey().encoded()).append('\n');
        }
        b.append("group X-witnesses 2 X1 X2 X3\n")
                .append("group Y-witnesses any Y1 Y2 Y3\n")
                .append("group X-and-Y all X-witnesses Y-witnesses\n")
                .append("quorum X-and-Y\n");
        return PolicyParser.parse(b.toString()).orElseThrow();
    }

    static byte[] checkpoint(String origin, SignerKey logKey, List<String> cosigners) {
        String text = Checkpoint.of(origin, 42, new byte[32]).text();
        List<NoteSigner> signers = new ArrayList<>();
        signers.add(logKey.noteSigner());
        for (String w : cosigners) {
            signers.add(CosignatureV1.signer(PolicyTestKeys.witness(w + ".example"), CLOCK));
        }
        return Notes.sign(text, signers).encodedBytes();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            X1 X2 Y1       | true
            X1 X3 Y3       | true
            X1 X2 X3 Y1 Y2 | true
            X1 Y1 Y2 Y3    | false
            X1 X2 X3       | false
            Y1 Y2 Y3       | false
            -              | false
            """)
    void evaluate_specExampleQuorumNeedsTwoXAndOneY(String cosigners, boolean satisfied) {
        List<String> cos = cosigners.equals("-") ? List.of() : Arrays.asList(cosigners.split(" "));
        PolicyEvaluation r = specExamplePolicy().evaluate(checkpoint("log.example/a", LOG, cos));
        if (satisfied) {
            assertThat(r).isInstanceOfSatisfying(PolicyEvaluation.Satisfied.class, s -> {
                assertThat(s.witnesses()).containsExactlyElementsOf(WITNESSES.stream().filter(cos::contains).toList());
                assertThat(s.log().value()).isEqualTo("log.example/a");
                assertThat(s.checkpoint().newestCosignatureTime()).contains(CLOCK.instant());
            });
        } else {
            assertThat(r).isInstanceOfSatisfying(PolicyEvaluation.QuorumNotMet.class,
                    q -> assertThat(q.witnesses()).containsExactlyElementsOf(WITNESSES.stream().filter(cos::contains).toList()));
        }
    }

    @Test
    void evaluate_requiresTheLogWhoseKeyNameIsTheOrigin() {
        Policy p = specExamplePolicy();
        PolicyEvaluation otherOrigin = p.evaluate(checkpoint("log.example/b", LOG, List.of("X1", "X2", "Y1")));
        assertThat(otherOrigin).isInstanceOfSatisfying(PolicyEvaluation.NoLogSignature.class,
                n -> assertThat(n.reason()).contains("log.example/b is not a log of this policy"));

        SignerKey impostor = PolicyTestKeys.log("impostor.example");
        PolicyEvaluation witnessesOnly = p.evaluate(checkpoint("log.example/a", impostor, List.of("X1", "X2", "Y1")));
        assertThat(witnessesOnly).isInstanceOfSatisfying(PolicyEvaluation.NoLogSignature.class,
                n -> assertThat(n.reason()).contains("no valid signature by the log log.example/a"));
    }

    @Test
    void evaluate_badCosignatureRejectsEvenWhenTheQuorumIsOtherwiseMet() {
        byte[] note = checkpoint("log.example/a", LOG, List.of("X1", "X2", "X3", "Y1"));
        String s = new String(note, StandardCharsets.UTF_8);
        int x3 = s.indexOf("\u2014 X3.example ");
        int pos = s.indexOf(' ', x3 + 2) + 30;
        String tampered = s.substring(0, pos) + (s.charAt(pos) == 'A' ? 'B' : 'A') + s.substring(pos + 1);
        assertThat(specExamplePolicy().evaluate(tampered.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PolicyEvaluation.BadSignature.class, b -> assertThat(b.name().value()).isEqualTo("X3.example"));
    }

    @Test
    void evaluate_malformedNote() {
        assertThat(specExamplePolicy().evaluate("not a note\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PolicyEvaluation.Malformed.class);
    }

    static Policy realPolicy(String quorumLines) {
        String text = "log " + NoteFixtures.vkey(NoteFixtures.ARCHE_VKEY).encoded() + "\n"
                + "witness remora " + NoteFixtures.vkey(NoteFixtures.REMORA_VKEY).encoded() + "\n"
                + "witness other " + PolicyTestKeys.witness("other.example").verifierKey().encoded() + "\n"
                + quorumLines;
        return PolicyParser.parse(text).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            quorum remora<NL>                              | Satisfied
            quorum none<NL>                                | Satisfied
            group g any remora other<NL>quorum g<NL>       | Satisfied
            group g all remora other<NL>quorum g<NL>       | QuorumNotMet
            quorum other<NL>                               | QuorumNotMet
            """)
    void evaluate_realCosignedCheckpoint(String quorumLines, String outcome) {
        PolicyEvaluation r = realPolicy(quorumLines.replace("<NL>", "\n")).evaluate(NoteFixtures.bytes(NoteFixtures.ARCHE_COSIGNED));
        assertThat(r.getClass().getSimpleName()).isEqualTo(outcome);
        if (r instanceof PolicyEvaluation.Satisfied s) {
            assertThat(s.witnesses()).containsExactly("remora");
            assertThat(s.checkpoint().checkpoint().size()).isEqualTo(1432088532L);
            assertThat(s.checkpoint().newestCosignatureTime()).contains(Instant.parse("2026-05-23T21:50:24Z"));
        }
    }

    @Test
    void evaluate_realCheckpointWithTamperedSizeIsABadSignature() {
        String note = NoteFixtures.text(NoteFixtures.ARCHE_COSIGNED).replace("\n1432088532\n", "\n1432088533\n");
        assertThat(realPolicy("quorum remora\n").evaluate(note.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PolicyEvaluation.BadSignature.class);
    }
}

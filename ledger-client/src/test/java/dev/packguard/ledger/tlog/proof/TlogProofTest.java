package dev.packguard.ledger.tlog.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.tlog.Hash;
import dev.packguard.ledger.tlog.MemoryTree;
import dev.packguard.ledger.tlog.ParseError;
import dev.packguard.ledger.tlog.ProofCheck;
import dev.packguard.ledger.tlog.TreeHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlogProofTest {

    // The example of the C2SP tlog-proof specification (c2sp.org/tlog-proof), byte for byte; its
    // signatures are elided with "[...]" there, so only the format can be checked with it.
    private static byte[] specExample() throws IOException {
        try (InputStream in = TlogProofTest.class.getResourceAsStream("spec-example.tlog-proof")) {
            return in.readAllBytes();
        }
    }

    private static final String CHECKPOINT = "example.com/log\n20\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n— example.com/log sig\n";

    @Test
    void parse_readsTheSpecExample_andSerialisesItBackByteForByte() throws IOException {
        byte[] file = specExample();

        TlogProof proof = TlogProofParser.parse(file).ok().orElseThrow();

        assertThat(proof.index()).isEqualTo(73_894);
        assertThat(proof.path()).hasSize(5);
        assertThat(proof.path().get(0).base64()).isEqualTo("gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=");
        assertThat(new String(proof.extra().orElseThrow(), StandardCharsets.ISO_8859_1)).startsWith("age-v1.2.1-darwin-arm64.tar.gz");
        assertThat(proof.checkpoint()).startsWith("example.com/fancylog\n109482\n").endsWith("3oEcROGLFQ==\n");
        assertThat(proof.serialise().getBytes(StandardCharsets.UTF_8)).isEqualTo(file);
    }

    @Test
    void verifyInclusion_acceptsAProofFromTheTree_andRejectsAnyOtherLeafOrRoot() {
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < 20; i++) {
            tree.appendEntry(new byte[] {(byte) i});
        }
        TlogProof written = TlogProof.of(13, tree.inclusionProof(13, 20).path(), CHECKPOINT, Optional.empty());

        TlogProof read = TlogProofParser.parse(written.serialise()).ok().orElseThrow();

        assertThat(read).isEqualTo(written);
        assertThat(read.extra()).isEmpty();
        assertThat(read.verifyInclusion(TreeHash.leafHash(new byte[] {13}), 20, tree.root()).verified()).isTrue();
        assertThat(read.verifyInclusion(TreeHash.leafHash(new byte[] {12}), 20, tree.root()))
                .isInstanceOf(ProofCheck.Rejected.class);
        // The path has the shape of every size 17..32 (the root, not the path, binds the size),
        // so the size is tested with one of a different shape.
        assertThat(read.verifyInclusion(TreeHash.leafHash(new byte[] {13}), 40, tree.root()).verified()).isFalse();
        assertThat(read.verifyInclusion(TreeHash.leafHash(new byte[] {13}), 20, tree.root(19)).verified()).isFalse();
    }

    @Test
    void serialise_writesExtraAndAnEmptyPath() {
        TlogProof proof = TlogProof.of(0, List.of(), CHECKPOINT, Optional.of(new byte[] {1, 2, 3}));

        assertThat(proof.serialise()).isEqualTo("c2sp.org/tlog-proof@v1\nextra AQID\nindex 0\n\n" + CHECKPOINT);
        assertThat(TlogProofParser.parse(proof.serialise()).ok()).contains(proof);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # file text (\\n for newline)                                                        | kind          | line
            c2sp.org/tlog-proof@v2\\nindex 0\\n\\nCP\\n                                           | BAD_ENCODING  | 1
            c2sp.org/tlog-proof@v1                                                                 | BAD_ENCODING  | 1
            c2sp.org/tlog-proof@v1\\n\\n\\nCP\\n                                                  | MISSING       | 2
            c2sp.org/tlog-proof@v1\\nindex\\n\\nCP\\n                                             | MISSING       | 2
            c2sp.org/tlog-proof@v1\\nindex 01\\n\\nCP\\n                                          | NON_CANONICAL | 2
            c2sp.org/tlog-proof@v1\\nindex -5\\n\\nCP\\n                                          | BAD_ENCODING  | 2
            c2sp.org/tlog-proof@v1\\nindex  5\\n\\nCP\\n                                          | BAD_ENCODING  | 2
            c2sp.org/tlog-proof@v1\\nindex 4611686018427387904\\n\\nCP\\n                         | OUT_OF_RANGE  | 2
            c2sp.org/tlog-proof@v1\\nindex 99999999999999999999\\n\\nCP\\n                        | BAD_ENCODING  | 2
            c2sp.org/tlog-proof@v1\\nextra !!\\nindex 0\\n\\nCP\\n                                | BAD_ENCODING  | 2
            c2sp.org/tlog-proof@v1\\nextra AQI=\\nindex 0\\nAQID\\n\\nCP\\n                      | WRONG_LENGTH  | 4
            c2sp.org/tlog-proof@v1\\nindex 0\\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV=\\n\\nCP\\n | NON_CANONICAL | 3
            c2sp.org/tlog-proof@v1\\nindex 0\\n\\n                                                | MISSING       | 4
            c2sp.org/tlog-proof@v1\\nindex 0\\n\\nCP                                              | TRUNCATED     | 4
            c2sp.org/tlog-proof@v1\\nindex 0\\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\\n    | TRUNCATED     | 4
            c2sp.org/tlog-proof@v1\\r\\nindex 0\\r\\n\\r\\nCP\\r\\n                               | BAD_ENCODING  | 1
            """)
    void parse_refusesMalformedFiles(String escaped, ParseError.Kind kind, long line) {
        String text = escaped.replace("\\n", "\n").replace("\\r", "\r");

        assertThat(TlogProofParser.parse(text).failure()).get()
                .returns(kind, ParseError::kind)
                .returns(line, ParseError::position);
    }

    @Test
    void parse_refusesMoreThan62Hashes_andOversizedOrNonUtf8Files() {
        String hash = TreeHash.emptyRoot().base64() + "\n";
        String tooMany = TlogProof.HEADER + "\nindex 0\n" + String.join("", Collections.nCopies(63, hash)) + "\n" + CHECKPOINT;
        byte[] notUtf8 = (TlogProof.HEADER + "\nindex 0\n\nCP\n").getBytes(StandardCharsets.UTF_8);
        notUtf8[notUtf8.length - 2] = (byte) 0xC3;

        assertThat(TlogProofParser.parse(tooMany).failure()).get().returns(ParseError.Kind.OUT_OF_RANGE, ParseError::kind);
        assertThat(TlogProofParser.parse(new byte[TlogProofParser.MAX_BYTES + 1]).failure()).get()
                .returns(ParseError.Kind.WRONG_LENGTH, ParseError::kind);
        assertThat(TlogProofParser.parse(notUtf8).failure()).get().returns(ParseError.Kind.BAD_ENCODING, ParseError::kind);
    }

    @Test
    void parse_accepts62Hashes() {
        List<Hash> path = new ArrayList<>(Collections.nCopies(62, TreeHash.emptyRoot()));
        TlogProof proof = TlogProof.of((1L << 62) - 1, path, CHECKPOINT, Optional.empty());

        assertThat(TlogProofParser.parse(proof.serialise()).ok()).contains(proof);
    }
}

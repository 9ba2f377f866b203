package dev.packguard.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.note.ParseError;
import dev.packguard.ledger.note.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckpointTest {
    // c2sp.org/tlog-checkpoint, the example note text
    static final String SPEC_TEXT = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    @Test
    void parse_specExample() {
        Checkpoint cp = Checkpoint.parse(SPEC_TEXT).orElseThrow();
        assertThat(cp.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(cp.size()).isEqualTo(20852163L);
        assertThat(cp.rootHashBase64()).isEqualTo("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
        assertThat(cp.extensions()).isEmpty();
        assertThat(cp.text()).isEqualTo(SPEC_TEXT);
    }

    @Test
    void parse_keepsExtensionLinesAndAnOriginThatIsNotAUrl() {
        String text = "go.sum database tree\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next one\next two\n";
        Checkpoint cp = Checkpoint.parse(text).orElseThrow();
        assertThat(cp.size()).isZero();
        assertThat(cp.extensions()).isEqualTo(List.of("ext one", "ext two"));
        assertThat(cp.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            o<NL>1<NL>ROOT                          | 1 | checkpoint text does not end in a newline
            o<NL>1<NL>                              | 3 | a checkpoint has origin, tree size and root hash lines
            <NL>1<NL>ROOT<NL>                       | 1 | origin is empty
            o<NL>01<NL>ROOT<NL>                     | 2 | tree size must be decimal digits without leading zeros
            o<NL>+1<NL>ROOT<NL>                     | 2 | tree size must be decimal digits without leading zeros
            o<NL>-1<NL>ROOT<NL>                     | 2 | tree size must be decimal digits without leading zeros
            o<NL>1 <NL>ROOT<NL>                     | 2 | tree size must be decimal digits without leading zeros
            o<NL>١<NL>ROOT<NL>                      | 2 | tree size must be decimal digits without leading zeros
            o<NL>9223372036854775808<NL>ROOT<NL>    | 2 | tree size is larger than 2^63-1
            o<NL>99999999999999999999<NL>ROOT<NL>   | 2 | tree size must be decimal digits without leading zeros
            o<NL>1<NL>CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I<NL>  | 3 | root hash is not canonical standard base64
            o<NL>1<NL>CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=<NL> | 3 | root hash is not canonical standard base64
            o<NL>1<NL>AAAA<NL>                      | 3 | root hash is 3 bytes, not 32
            o<NL>1<NL>ROOT<NL><NL>                  | 4 | checkpoint line 4 is empty
            """)
    void parse_refusesNonCanonicalCheckpointsNamingTheLine(String template, int line, String reason) {
        String text = template.replace("ROOT", "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=").replace("<NL>", "\n");
        Parsed<Checkpoint> p = Checkpoint.parse(text);
        assertThat(p).isInstanceOf(Parsed.Err.class);
        ParseError e = ((Parsed.Err<Checkpoint>) p).error();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.line()).isEqualTo(line);
    }

    @Test
    void parse_acceptsTheLargestSize() {
        String text = "o\n9223372036854775807\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        assertThat(Checkpoint.parse(text).orElseThrow().size()).isEqualTo(Long.MAX_VALUE);
    }
}

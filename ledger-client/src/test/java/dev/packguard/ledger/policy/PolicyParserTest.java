package dev.packguard.ledger.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.note.ParseError;
import dev.packguard.ledger.note.Parsed;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyParserTest {
    static final String LOG = PolicyTestKeys.log("log.example/a").verifierKey().encoded();
    static final String W1 = PolicyTestKeys.witness("w1.example").verifierKey().encoded();
    static final String W2 = PolicyTestKeys.witness("w2.example").verifierKey().encoded();
    static final String W3 = PolicyTestKeys.witness("w3.example").verifierKey().encoded();

    static String expand(String template) {
        return template.replace("<LOG>", LOG).replace("<W1>", W1).replace("<W2>", W2).replace("<W3>", W3)
                .replace("<NL>", "\n").replace("<TAB>", "\t");
    }

    @Test
    void parse_specExampleShapeWithCommentsTabsAndUrls() {
        String text = expand("""
                # the consortium log
                log <LOG> https://log.example/a/
                <NL>
                witness X1 <W1>
                  witness<TAB>X2   <W2>  https://w2.example/
                witness X3 <W3>
                group X-witnesses 2 X1 X2 X3
                group X-any any X1 X2
                group top all X-witnesses X-any
                quorum top
                """);
        Policy p = PolicyParser.parse(text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(p.logs()).singleElement().satisfies(l -> {
            assertThat(l.origin()).isEqualTo("log.example/a");
            assertThat(l.url()).contains("https://log.example/a/");
        });
        assertThat(p.witnesses()).extracting(Policy.Witness::name).containsExactly("X1", "X2", "X3");
        assertThat(p.groups()).extracting(Policy.Group::threshold).containsExactly(2, 1, 2);
        assertThat(p.quorum()).isEqualTo("top");
        assertThat(PolicyParser.parse(p.text()).orElseThrow().text()).isEqualTo(p.text());
    }

    @Test
    void parse_quorumNoneNeedsNoWitnesses() {
        Policy p = PolicyParser.parse(expand("log <LOG>\nquorum none\n")).orElseThrow();
        assertThat(p.witnesses()).isEmpty();
        assertThat(p.quorum()).isEqualTo("none");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            log <LOG><NL>                                              | 1 | 1  | the policy has no quorum line
            log <LOG><NL>quorum none                                   | 2 | 12 | the last line does not end in a newline
            logs <LOG><NL>quorum none<NL>                              | 1 | 1  | unknown keyword 'logs' (expected log, witness, group or quorum)
            log <W1><NL>quorum none<NL>                                | 1 | 5  | a log key must be an Ed25519 (type 0x01) key
            log <LOG><NL>witness X <LOG><NL>quorum X<NL>               | 2 | 11 | a witness key must be a cosignature/v1 (type 0x04) key
            log <LOG><NL>log <LOG><NL>quorum none<NL>                  | 2 | 5  | duplicate log: same public key as line 1
            witness X <W1><NL>witness Y <W1><NL>quorum X<NL>           | 2 | 11 | duplicate witness: same public key as line 1
            witness X <W1><NL>witness X <W2><NL>quorum X<NL>           | 2 | 9  | 'X' is already defined
            witness none <W1><NL>quorum none<NL>                       | 1 | 9  | 'none' is reserved
            witness X <W1><NL>group G 2 X<NL>quorum G<NL>              | 2 | 9  | threshold must be all, any, or a decimal k with 1 <= k <= 1
            witness X <W1><NL>group G 0 X<NL>quorum G<NL>              | 2 | 9  | threshold must be all, any, or a decimal k with 1 <= k <= 1
            witness X <W1><NL>group G 01 X<NL>quorum G<NL>             | 2 | 9  | threshold must be all, any, or a decimal k with 1 <= k <= 1
            witness X <W1><NL>group G any X X<NL>quorum G<NL>          | 2 | 15 | 'X' is listed twice in this group
            witness X <W1><NL>group G any X Y<NL>quorum G<NL>          | 2 | 15 | 'Y' is not a witness or group defined on an earlier line
            witness X <W1><NL>group G any none<NL>quorum G<NL>         | 2 | 13 | 'none' cannot be a group member
            witness X <W1><NL>group G any<NL>quorum G<NL>              | 2 | 1  | expected: group <name> all, any or <k>, then one or more member names
            quorum G<NL>witness X <W1><NL>group G any X<NL>            | 1 | 8  | 'G' is not a witness or group defined on an earlier line
            witness X <W1><NL>quorum X<NL>quorum X<NL>                 | 3 | 1  | a policy has exactly one quorum line
            witness X <W1> url extra<NL>quorum X<NL>                   | 1 | 1  | expected: witness <name> <vkey> [<url>]
            log <LOG><NL>quorum none<NL>log x+00000000+AAAA<NL>        | 3 | 16 | unsupported signature type 0x00
            log <LOG><NL>quorum none<CR><NL>                           | 2 | 12 | control character U+000D is not allowed
            """)
    void parse_refusesBadPoliciesNamingLineColumnAndCause(String template, int line, int column, String reason) {
        Parsed<Policy> p = PolicyParser.parse(expand(template).replace("<CR>", "\r"));
        assertThat(p).isInstanceOf(Parsed.Err.class);
        ParseError e = ((Parsed.Err<Policy>) p).error();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
    }

    @Test
    void parse_refusesNonUtf8() {
        byte[] bytes = expand("log <LOG>\nquorum none\n# \u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PolicyParser.parse(bytes)).isInstanceOf(Parsed.Err.class);
    }
}

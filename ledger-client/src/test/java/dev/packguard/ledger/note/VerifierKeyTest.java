package dev.packguard.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VerifierKeyTest {
    // golang.org/x/mod sumdb/note/note_test.go (TestNewVerifier, TestVerifierList)
    static final String PETER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String ENOCH = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    // c2sp.org/signed-note v1.1.0, the example verifier key
    static final String SPEC_EXAMPLE = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    // The Go checksum database's published key, golang/go src/cmd/go/internal/modfetch/key.go
    static final String SUMDB = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
    // A tlog-cosignature (type 0x04) witness key from the public witness network
    static final String REMORA = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2";

    @ParameterizedTest
    @CsvSource(textBlock = """
            PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW,      PeterNeumann,    c74f20a3, ED25519
            EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop,         EnochRoot,       af0cfe78, ED25519
            example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k,   example.com/foo, 530d903a, ED25519
            sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8,    sum.golang.org,  033de0ae, ED25519
            remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2,    remora.n621.de,  da77ade7, COSIGNATURE_V1
            """)
    void parse_acceptsPublishedKeysAndRoundTrips(String text, String name, String keyId, SignatureType type) {
        VerifierKey key = VerifierKey.parse(text).orElseThrow();
        assertThat(key.name().value()).isEqualTo(name);
        assertThat(key.keyIdHex()).isEqualTo(keyId);
        assertThat(key.type()).isEqualTo(type);
        assertThat(key.encoded()).isEqualTo(text);
        assertThat(VerifierKey.of(key.name(), type, key.publicKey())).isEqualTo(key);
    }

    @Test
    void parse_specExampleHasThePublishedPublicKey() {
        // c2sp.org/signed-note example: the 32 key bytes after the 0x01 type byte
        VerifierKey key = VerifierKey.parse(SPEC_EXAMPLE).orElseThrow();
        assertThat(key.publicKey()).isEqualTo(java.util.HexFormat.of()
                .parseHex("e932791ae6e7a840a46164c904786426d5e7821dd8b29a00d61cae72afdd4da4"));
    }

    @ParameterizedTest
    @ValueSource(strings = {PETER, ENOCH, SPEC_EXAMPLE, SUMDB, REMORA})
    void parse_refusesEveryProperSubstringAndEverySingleCharacterChange(String good) {
        // The mangling check of golang.org/x/mod sumdb/note TestNewVerifier, applied to more keys.
        for (int i = 0; i <= good.length(); i++) {
            for (int j = i + 1; j <= good.length(); j++) {
                if (i != 0 || j != good.length()) {
                    assertThat(VerifierKey.parse(good.substring(i, j))).as(good.substring(i, j)).isInstanceOf(Parsed.Err.class);
                }
            }
        }
        char[] c = good.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i]++;
            assertThat(VerifierKey.parse(new String(c))).as(new String(c)).isInstanceOf(Parsed.Err.class);
            c[i]--;
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PeterNeumann+8a03836b+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWAAAA    | 23 | an Ed25519 key is 32 bytes, not 35
            PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==| 23 | key material is not canonical standard base64
            PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW        | 23 | unsupported signature type 0x65
            PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW        | 14 | key ID must be exactly 8 lowercase hex digits
            PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW         | 14 | key ID must be exactly 8 lowercase hex digits
            PeterNeumann+00000000+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW        | 14 | key ID 00000000 does not match the key (expected c74f20a3)
            PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T=        | 23 | key material is not canonical standard base64
            PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T         | 23 | key material is not canonical standard base64
            Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW       | 6  | key name contains a space character U+0020
            +c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW                    | 1  | key name is empty
            PeterNeumann                                                              | 13 | expected name+keyid+key
            rekor.sigstore.dev+12345678+AwEB                                          | 29 | unsupported signature type 0x03
            """)
    void parse_refusesNonCanonicalInputNamingPositionAndCause(String text, int column, String reason) {
        Parsed<VerifierKey> p = VerifierKey.parse(text);
        assertThat(p).isInstanceOf(Parsed.Err.class);
        ParseError e = ((Parsed.Err<VerifierKey>) p).error();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void parse_refusesNonBreakingSpaceInName() {
        assertThat(KeyName.parse("a\u00a0b")).isInstanceOf(Parsed.Err.class);
        assertThat(KeyName.parse("a\u2003b")).isInstanceOf(Parsed.Err.class);
        assertThat(KeyName.parse("go.sum database tree")).isInstanceOf(Parsed.Err.class);
        assertThat(KeyName.parse("transparency.dev/DEV:witness-little-garden")).isInstanceOf(Parsed.Ok.class);
    }
}

package dev.packguard.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashTest {

    private static final String HEX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String B64 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    @Test
    void parseHex_andBase64_giveTheSameHash() {
        Hash fromHex = Hash.parseHex(HEX).ok().orElseThrow();
        Hash fromBase64 = Hash.parseBase64(B64).ok().orElseThrow();

        assertThat(fromHex).isEqualTo(fromBase64).hasSameHashCodeAs(fromBase64);
        assertThat(fromHex.hex()).isEqualTo(HEX);
        assertThat(fromHex.base64()).isEqualTo(B64);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85,   WRONG_LENGTH
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8550, WRONG_LENGTH
            E3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855,  BAD_ENCODING
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g,  BAD_ENCODING
            """)
    void parseHex_refusesNonCanonical(String text, ParseError.Kind kind) {
        assertThat(Hash.parseHex(text).failure()).get().extracting(ParseError::kind).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU,    WRONG_LENGTH
            47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU=,   BAD_ENCODING
            47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV=,   NON_CANONICAL
            47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuA==,   WRONG_LENGTH
            47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=AA, WRONG_LENGTH
            """)
    void parseBase64_refusesNonCanonical(String text, ParseError.Kind kind) {
        assertThat(Hash.parseBase64(text).failure()).get().extracting(ParseError::kind).isEqualTo(kind);
    }

    @Test
    void of_copiesItsInput() {
        byte[] bytes = new byte[32];
        Hash h = Hash.of(bytes);
        bytes[0] = 1;
        h.bytes()[1] = 1;

        assertThat(h.bytes()).containsOnly(0);
    }

    @Test
    void of_refusesWrongLength() {
        assertThatThrownBy(() -> Hash.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}

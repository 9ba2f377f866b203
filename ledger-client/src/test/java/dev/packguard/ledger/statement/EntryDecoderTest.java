package dev.packguard.ledger.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EntryDecoderTest {
    private static final SigningKey ED = SigningKey.ed25519FromSeed(new byte[32]);
    private static final SigningKey EC = SigningKey.p256FromSeed(new byte[32]);

    static Stream<Arguments> everyTypeWithEveryAlgorithm() {
        return SampleStatements.all().stream().flatMap(s -> Stream.of(Arguments.of(s, ED), Arguments.of(s, EC)));
    }

    @ParameterizedTest
    @MethodSource("everyTypeWithEveryAlgorithm")
    void decode_roundTripsEveryStatementType(Statement statement, SigningKey key) {
        SignedStatement signed = key.sign(statement);
        byte[] bytes = signed.encode();

        EntryDecoding decoded = EntryDecoder.decode(bytes);

        assertThat(decoded).isEqualTo(new EntryDecoding.Decoded(signed));
        assertThat(key.verifyingKey().verify(signed)).isEqualTo(new SignatureCheck.Good(key.keyId()));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("{\"signature\":{\"alg\":\"" + key.algorithm().wireName());
    }

    @Test
    void encode_isTheCanonicalFormWithSortedMembers() {
        Statement dispensing = new Dispensing(SampleStatements.PHARMACY, SampleStatements.T, SampleStatements.PHARMACY,
                SampleStatements.UNITS.subList(0, 1));
        String body = new String(StatementCodec.body(dispensing), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("{\"bizStep\":\"dispensing\",\"disposition\":\"dispensed\",\"eventTime\":\"2026-11-24T09:15:30.250Z\","
                + "\"location\":\"4012345000047\",\"party\":\"4012345000047\",\"type\":\"dispensing\",\"units\":[\""
                + SampleStatements.UNITS.get(0).value() + "\"],\"v\":1}");
        assertThat(new String(StatementCodec.signingInput(dispensing), StandardCharsets.UTF_8))
                .isEqualTo("packguard/statement/v1\n" + body);
    }

    /** Each row edits a valid, canonical commissioning entry so that exactly one thing is wrong. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            GTIN check digit        | "gtin":"04150123456782"   | "gtin":"04150123456783"   | BAD_VALUE       | /statement/gtin
            GTIN too short          | "gtin":"04150123456782"   | "gtin":"4150123456782"    | BAD_VALUE       | /statement/gtin
            GLN check digit         | "location":"4012345000023"| "location":"4012345000024"| BAD_VALUE       | /statement/location
            impossible date         | "expiry":"2028-06-30"     | "expiry":"2028-02-30"     | BAD_VALUE       | /statement/expiry
            GS1 day 00 not a date   | "expiry":"2028-06-30"     | "expiry":"2028-06-00"     | BAD_VALUE       | /statement/expiry
            time without millis     | "eventTime":"2026-11-24T09:15:30.250Z" | "eventTime":"2026-11-24T09:15:30Z" | BAD_VALUE | /statement/eventTime
            time with offset        | "eventTime":"2026-11-24T09:15:30.250Z" | "eventTime":"2026-11-24T10:15:30.250+01:00" | BAD_VALUE | /statement/eventTime
            version 2               | "v":1                     | "v":2                     | UNKNOWN_VERSION | /statement/v
            version as string       | "v":1                     | "v":"1"                   | UNKNOWN_VERSION | /statement/v
            unknown type            | "type":"commissioning"    | "type":"teleporting"      | UNKNOWN_TYPE    | /statement/type
            unknown algorithm       | "alg":"Ed25519"           | "alg":"EdDSA"             | UNKNOWN_TYPE    | /signature/alg
            wrong bizStep           | "bizStep":"commissioning" | "bizStep":"encoding"      | BAD_VALUE       | /statement/bizStep
            missing lot             | "lot":"L2411-07",         | ''                        | MISSING_FIELD   | /statement/lot
            unknown member          | "party":                  | "lotNote":"x","party":    | UNKNOWN_FIELD   | /statement/lotNote
            patient field           | "type":                   | "patient":"Jane Doe","type": | UNKNOWN_FIELD | /statement/patient
            lot character outside 82| "lot":"L2411-07"          | "lot":"L2411#07"          | BAD_VALUE       | /statement/lot
            number for a string     | "lot":"L2411-07"          | "lot":241107              | BAD_VALUE       | /statement/lot
            short commitment        | "units":["                | "units":["AAAA","         | BAD_VALUE       | /statement/units/0
            signature too short     | "value":"                 | "value":"AAAA              | BAD_VALUE       | /signature/value
            whitespace              | {"signature":             | { "signature":            | NOT_CANONICAL   | @1
            escaped letter          | "type":"commissioning"    | "type":"\\u0063ommissioning" | NOT_CANONICAL | @
            duplicate member        | "v":1}                    | "v":1,"v":1}              | NOT_JSON        | @
            trailing data           | "v":1}}                   | "v":1}}{}                 | NOT_JSON        | @
            not JSON at all         | {"signature":             | [{"signature":            | NOT_JSON        | @
            """)
    void decode_rejectsEachDefectWithItsPosition(String defect, String find, String replace, EntryDecoding.Problem problem, String pointer) {
        String valid = new String(ED.sign(SampleStatements.all().get(2)).encode(), StandardCharsets.UTF_8);
        assertThat(valid).contains(find);
        String broken = valid.replaceFirst(java.util.regex.Pattern.quote(find), java.util.regex.Matcher.quoteReplacement(replace));

        EntryDecoding decoded = EntryDecoder.decode(broken.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded).isInstanceOf(EntryDecoding.Invalid.class);
        EntryDecoding.Invalid invalid = (EntryDecoding.Invalid) decoded;
        assertThat(invalid.problem()).as(invalid.toString()).isEqualTo(problem);
        assertThat(invalid.pointer()).as(invalid.toString()).startsWith(pointer);
    }

    @Test
    void decode_rejectsUnitsOutOfOrder() {
        String valid = new String(ED.sign(SampleStatements.all().get(3)).encode(), StandardCharsets.UTF_8);
        String a = SampleStatements.UNITS.stream().sorted().toList().get(0).value();
        String b = SampleStatements.UNITS.stream().sorted().toList().get(1).value();
        String swapped = valid.replace("\"" + a + "\",\"" + b + "\"", "\"" + b + "\",\"" + a + "\"");
        assertThat(swapped).isNotEqualTo(valid);

        assertThat(EntryDecoder.decode(swapped.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new EntryDecoding.Invalid(EntryDecoding.Problem.BAD_VALUE, "/statement/units/1",
                        "items must be strictly ascending (sorted, no duplicates)"));
    }

    @Test
    void decode_rejectsOversizedEntryBeforeParsing() {
        byte[] huge = new byte[EntryDecoder.MAX_ENTRY_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        EntryDecoding decoded = EntryDecoder.decode(huge);

        assertThat(decoded).isInstanceOf(EntryDecoding.Invalid.class);
        assertThat(((EntryDecoding.Invalid) decoded).problem()).isEqualTo(EntryDecoding.Problem.TOO_LARGE);
    }

    @Test
    void decode_acceptsAFullThousandUnitEventUnderTheLimit() {
        java.util.List<UnitCommitment> units = java.util.stream.IntStream.range(0, Event.MAX_UNITS)
                .mapToObj(i -> UnitCommitment.of(SampleStatements.GTIN, "S" + i)).toList();
        SignedStatement big = EC.sign(new Shipping(SampleStatements.MANUFACTURER, SampleStatements.T, SampleStatements.PLANT,
                SampleStatements.WHOLESALER, units));

        byte[] bytes = big.encode();

        assertThat(bytes.length).isLessThan(EntryDecoder.MAX_ENTRY_BYTES);
        assertThat(EntryDecoder.decode(bytes)).isEqualTo(new EntryDecoding.Decoded(big));
    }

    @Test
    void verify_rejectsSignatureOverOtherBytes() {
        SignedStatement original = ED.sign(SampleStatements.all().get(6));
        SignedStatement other = ED.sign(SampleStatements.all().get(5));
        SignedStatement forged = new SignedStatement(original.statement(), other.signature());

        assertThat(EntryDecoder.decode(forged.encode())).isEqualTo(new EntryDecoding.Decoded(forged));
        assertThat(ED.verifyingKey().verify(forged)).isEqualTo(new SignatureCheck.Bad(SignatureCheck.Reason.SIGNATURE_MISMATCH));
        assertThat(EC.verifyingKey().verify(original)).isEqualTo(new SignatureCheck.Bad(SignatureCheck.Reason.WRONG_ALGORITHM));
        assertThat(SigningKey.ed25519FromSeed(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}).verifyingKey().verify(original))
                .isEqualTo(new SignatureCheck.Bad(SignatureCheck.Reason.WRONG_KEY));
    }
}

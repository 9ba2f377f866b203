package dev.packguard.scanner.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.scanner.CheckDigits;
import dev.packguard.scanner.ParseError.Rule;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.Repair;
import dev.packguard.scanner.wedge.KeyboardLayout;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The safety property of lost-GS repair, checked over thousands of generated genuine packs: with
 * every GS dropped, a scan decodes to exactly the genuine identifier or is rejected, never to a
 * different identifier.
 */
class LostSeparatorTest {
    private static final List<List<String>> ORDERS = List.of(
            List.of("01", "17", "10", "21"), List.of("01", "21", "17", "10"), List.of("01", "17", "21", "10"),
            List.of("01", "10", "17", "21"), List.of("21", "01", "17", "10"), List.of("01", "21", "10", "17"),
            List.of("01", "17", "10", "21", "710"), List.of("01", "710", "21", "10", "17"));
    private static final Set<String> PREDEFINED = Set.of("01", "17");
    // Lot and serial alphabets: digit-heavy ones make AI-shaped substrings, the hard case.
    private static final String[] ALPHABETS = {"0123456789", "0123456789ABC", "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-",
        "abcxyzXYZ019-/.:_"};

    private static final int PACKS = 2000;
    private final ScanDecoder decoder = new ScanDecoder(WedgeConfig.defaults(), ScanDecoderTest.CLOCK);

    @Test
    void decode_aPackThatLostEveryGsIsEitherItselfOrRejected() {
        Random random = new Random(20261124L);
        int repaired = 0;
        int rejected = 0;
        int intact = 0;
        for (int i = 0; i < PACKS; i++) {
            Map<String, String> pack = randomPack(random);
            List<String> order = ORDERS.get(random.nextInt(ORDERS.size())).stream().filter(pack::containsKey).toList();
            String withGs = encode(pack, order, true);
            String lost = encode(pack, order, false);

            ProductIdentifier genuine = ((ParseResult.Success) decoder.decode(withGs)).identifier();
            ParseResult r = decoder.decode(lost);
            if (r instanceof ParseResult.Success s) {
                ProductIdentifier got = s.identifier();
                assertThat(got.ais()).as(lost).isEqualTo(genuine.ais());
                assertThat(got.gtin()).isEqualTo(genuine.gtin());
                assertThat(got.serial()).isEqualTo(genuine.serial());
                assertThat(got.lot()).isEqualTo(genuine.lot());
                assertThat(got.expiry()).isEqualTo(genuine.expiry());
                if (got.repairs().stream().anyMatch(rp -> rp.kind() == Repair.Kind.GS_INSERTED)) {
                    repaired++;
                } else {
                    intact++;
                }
            } else {
                ParseResult.Failure f = (ParseResult.Failure) r;
                assertThat(f.error().rule()).as(f.error().toString()).isIn(Rule.AMBIGUOUS_MISSING_SEPARATOR);
                rejected++;
            }
        }
        // Both outcomes must actually occur, or the property says nothing.
        assertThat(repaired).isGreaterThan(PACKS / 20);
        assertThat(rejected).isGreaterThan(PACKS / 20);
        assertThat(repaired + rejected + intact).isEqualTo(PACKS);
    }

    @Test
    void decode_aPackDamagedByAWedgeWithItsPrefixComesBackAsItself() {
        Random random = new Random(424242L);
        ScanDecoder tilde = new ScanDecoder(WedgeConfig.defaults().withGsSubstitute("~"), ScanDecoderTest.CLOCK);
        for (int i = 0; i < PACKS / 2; i++) {
            Map<String, String> pack = randomPack(random);
            List<String> order = ORDERS.get(random.nextInt(ORDERS.size())).stream().filter(pack::containsKey).toList();
            String genuineScan = encode(pack, order, true);
            ProductIdentifier genuine = ((ParseResult.Success) decoder.decode(genuineScan)).identifier();
            String damage = List.of("escape", "substitute", "caps", "layout", "layoutCapsEscape").get(i % 5);
            String damaged = switch (damage) {
                case "escape" -> genuineScan.replace("\u001d", "<GS>");
                case "substitute" -> genuineScan.replace('\u001d', '~');
                case "caps" -> invertCase(genuineScan);
                case "layout" -> typedOnGermanLayout(genuineScan);
                default -> typedOnGermanLayout(invertCase(genuineScan.replace("\u001d", "\\x1d")));
            };
            ParseResult r = (damage.equals("substitute") ? tilde : decoder).decode(damaged);
            assertThat(r).as("%s: %s", damage, damaged).isInstanceOf(ParseResult.Success.class);
            ProductIdentifier got = ((ParseResult.Success) r).identifier();
            assertThat(got.ais()).as("%s: %s", damage, damaged).isEqualTo(genuine.ais());
            assertThat(got.repairs()).as(damage).isNotEmpty();
        }
    }

    private static String invertCase(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c)
                    : Character.isLowerCase(c) ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    private static String typedOnGermanLayout(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(KeyboardLayout.US_SCANNER_GERMAN_HOST.received(c));
        }
        return sb.toString();
    }

    private static Map<String, String> randomPack(Random random) {
        Map<String, String> pack = new LinkedHashMap<>();
        String body = digits(random, 13);
        pack.put("01", body + CheckDigits.gs1Mod10(body, 13));
        pack.put("17", String.format("%02d%02d%02d", 20 + random.nextInt(20), 1 + random.nextInt(12), random.nextInt(29)));
        pack.put("10", text(random, 1 + random.nextInt(20)));
        pack.put("21", text(random, 1 + random.nextInt(20)));
        String pzn7 = digits(random, 7);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (pzn7.charAt(i) - '0') * (i + 1);
        }
        if (sum % 11 != 10) {
            pack.put("710", pzn7 + (sum % 11));
        }
        return pack;
    }

    private static String encode(Map<String, String> pack, List<String> order, boolean withGs) {
        StringBuilder sb = new StringBuilder("]d2");
        List<String> parts = new ArrayList<>(order);
        for (int i = 0; i < parts.size(); i++) {
            String ai = parts.get(i);
            sb.append(ai).append(pack.get(ai));
            if (withGs && i + 1 < parts.size() && !PREDEFINED.contains(ai)) {
                sb.append('\u001d');
            }
        }
        return sb.toString();
    }

    private static String digits(Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    private static String text(Random random, int n) {
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}

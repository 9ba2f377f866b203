package dev.packguard.scanner.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.scanner.CheckDigits;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.wedge.WedgeConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * One pack written in every input format (element string with GS, bracketed, Digital Link with
 * percent-encoding, IFA envelope where the pack has a PZN) decodes to the same GTIN, serial, lot
 * and expiry.
 */
class FormatRoundTripPropertiesTest {
    private static final String CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private final ScanDecoder exact = new ScanDecoder(WedgeConfig.exact(), ScanDecoderTest.CLOCK);

    record Pack(String gtin, String expiry, String lot, String serial) {
    }

    @Provide
    Arbitrary<Pack> packs() {
        Arbitrary<String> gtin = Arbitraries.strings().numeric().ofLength(13)
                .map(body -> body + CheckDigits.gs1Mod10(body, 13));
        Arbitrary<String> expiry = Combinators.combine(Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(0, 28))
                .as((y, m, d) -> String.format("%02d%02d%02d", y, m, d));
        Arbitrary<String> text = Arbitraries.strings().withChars(CSET82.toCharArray()).ofMinLength(1).ofMaxLength(20);
        return Combinators.combine(gtin, expiry, text, text).as(Pack::new);
    }

    @Property(tries = 500)
    void everyFormatOfAPackDecodesToTheSameIdentifier(@ForAll("packs") Pack p) {
        ProductIdentifier fromGs = decode("]d2" + "01" + p.gtin() + "17" + p.expiry() + "10" + p.lot() + "\u001d21" + p.serial());
        assertSame(fromGs, p);

        // Bracketed data can hold '(' only where it cannot be read as the start of a known AI.
        if (!p.lot().contains("(") && !p.serial().contains("(")) {
            assertSame(decode("(01)" + p.gtin() + "(17)" + p.expiry() + "(10)" + p.lot() + "(21)" + p.serial()), p);
        }

        String uri = "https://example.org/some/prefix/01/" + p.gtin() + "/10/" + encode(p.lot()) + "/21/" + encode(p.serial())
                + "?17=" + p.expiry() + "&linkType=gs1:pip";
        assertSame(decode(uri), p);
    }

    private ProductIdentifier decode(String scan) {
        ParseResult r = exact.decode(scan);
        assertThat(r).as(scan).isInstanceOf(ParseResult.Success.class);
        return ((ParseResult.Success) r).identifier();
    }

    private static void assertSame(ProductIdentifier id, Pack p) {
        assertThat(id.gtin()).isEqualTo(p.gtin());
        assertThat(id.lot()).contains(p.lot());
        assertThat(id.serial()).contains(p.serial());
        assertThat(id.ais()).containsEntry("17", p.expiry());
        assertThat(id.expiryDayUnspecified()).isEqualTo(p.expiry().endsWith("00"));
    }

    /** Percent-encodes everything outside RFC 3986 unreserved characters (as a Digital Link generator must for '/', '?', '#', …). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }

}

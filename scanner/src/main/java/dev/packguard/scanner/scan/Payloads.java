package dev.packguard.scanner.scan;

import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.Repair;
import dev.packguard.scanner.Symbology;
import dev.packguard.scanner.digitallink.DigitalLinkParser;
import dev.packguard.scanner.gs1.BracketedParser;
import dev.packguard.scanner.ifa.PpnParser;
import dev.packguard.scanner.gs1.ElementRules;
import dev.packguard.scanner.gs1.Gs1Identifiers;
import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ParseError.Rule;
import dev.packguard.scanner.wedge.MappedText;
import java.util.List;
import java.util.Optional;

/** Tells the payload formats apart and hands each to its parser. */
final class Payloads {
    private Payloads() {
    }

    static ParseResult decode(ScanDecoder decoder, MappedText text, Symbology symbology, List<Repair> repairs,
            ElementRules rules) {
        String t = text.text();
        if (t.isEmpty()) {
            return new ParseResult.Failure(ParseError.at(text.originOf(0), Rule.EMPTY_INPUT,
                    "the scan holds a symbology identifier but no data"), repairs);
        }
        if (symbology == Symbology.EAN_UPC) {
            return eanUpc(text, repairs, rules);
        }
        if (PpnParser.looksLikeEnvelope(t)) {
            ParseResult r = new PpnParser(rules.currentYear()).parse(t, symbology, repairs);
            return r instanceof ParseResult.Failure f
                    ? new ParseResult.Failure(ScanDecoder.mapError(f.error(), text), f.repairs()) : r;
        }
        if (DigitalLinkParser.looksLikeUri(t)) {
            return decoder.finish(new DigitalLinkParser(rules).parse(t), text, symbology, repairs, rules);
        }
        if (BracketedParser.looksBracketed(t)) {
            return decoder.decodeBracketed(text, symbology, repairs, rules);
        }
        return decoder.decodeElementString(text, symbology, repairs, rules);
    }

    /** EAN-8, UPC-A and EAN-13 carry just a GTIN, which is normalised to 14 digits. */
    private static ParseResult eanUpc(MappedText text, List<Repair> repairs, ElementRules rules) {
        Optional<String> gtin = Gs1Identifiers.toGtin14(text.text());
        if (gtin.isEmpty()) {
            return new ParseResult.Failure(ParseError.inAi("01", text.originOf(0), Rule.CHECK_DIGIT,
                    "EAN/UPC data '" + text.text() + "' is not a GTIN-8, -12 or -13 with a valid check digit"), repairs);
        }
        return Gs1Identifiers.build(List.of(new dev.packguard.scanner.gs1.Element("01", gtin.get(), 0)),
                Symbology.EAN_UPC, repairs, rules.currentYear());
    }
}

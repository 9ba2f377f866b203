package dev.packguard.app.verification;

import dev.packguard.ledger.mirror.MirrorStoreException;
import dev.packguard.ledger.rules.Mode;
import dev.packguard.ledger.rules.OrderContext;
import dev.packguard.ledger.rules.ReasonCode;
import dev.packguard.ledger.rules.StationContext;
import dev.packguard.ledger.rules.UnitScan;
import dev.packguard.ledger.rules.UnitVerifier;
import dev.packguard.ledger.rules.Verdict;
import dev.packguard.ledger.statement.Gtin;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.scan.ScanDecoder;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a scanner sent → verdict: rule 1 by the scanner module (GS1 syntax, check digits, real
 * dates, keyboard-wedge repair), then rules 2–8 by the ledger's {@link UnitVerifier}. A code
 * that does not parse, or lacks serial, lot or expiry (all four are the EU FMD / DSCSA unique
 * identifier), is a rule-1 failure with its own reason code, reported like any other verdict.
 */
public final class ScanVerifier {
    /** One scan's outcome. {@code unit} is empty when rule 1 failed. */
    public record Checked(String input, Optional<UnitScan> unit, Verdict verdict) {
        /** Requires every field. */
        public Checked {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(verdict, "verdict");
        }

        /** True when the scan itself could not be read as a complete pack identifier (rule 1). */
        public boolean unreadable() {
            return unit.isEmpty();
        }
    }

    private final ScanDecoder decoder;
    private final UnitVerifier verifier;

    /** Decodes with {@code decoder} and verifies with {@code verifier}. */
    public ScanVerifier(ScanDecoder decoder, UnitVerifier verifier) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** Decodes and verifies one scan; {@code context} is read only when rule 1 passes. */
    public Checked check(String scan, Mode mode, Supplier<StationContext> context, Optional<OrderContext> order)
            throws MirrorStoreException {
        ParseResult parsed = decoder.decode(scan);
        if (parsed instanceof ParseResult.Failure f) {
            return new Checked(scan, Optional.empty(), UnitVerifier.unreadable(code(f.error().rule()),
                    f.error().message() + " (at character " + f.error().position() + f.error().ai().map(ai -> ", AI " + ai).orElse("") + ")"));
        }
        ProductIdentifier id = ((ParseResult.Success) parsed).identifier();
        Optional<UnitScan> unit = toUnit(id);
        if (unit.isEmpty()) {
            return new Checked(scan, Optional.empty(), UnitVerifier.unreadable(ReasonCode.MALFORMED_CODE,
                    "the code lacks " + missing(id) + "; a medicine pack carries GTIN, serial, lot and expiry"));
        }
        return new Checked(scan, unit, verifier.verify(unit.get(), mode, context.get(), order));
    }

    /** The ledger-side unit, when the identifier has all four parts. */
    public static Optional<UnitScan> toUnit(ProductIdentifier id) {
        if (id.serial().isEmpty() || id.lot().isEmpty() || id.expiry().isEmpty()
                || !Lot.isValid(id.lot().get()) || !Gtin.isValid(id.gtin())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UnitScan(new Gtin(id.gtin()), id.serial().get(), new Lot(id.lot().get()),
                    id.expiry().get(), id.expiryDayUnspecified()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a serial the scanner accepted but the ledger's set-82 check refuses
        }
    }

    private static String missing(ProductIdentifier id) {
        StringBuilder b = new StringBuilder();
        if (id.serial().isEmpty()) {
            b.append("a serial number (21)");
        }
        if (id.lot().isEmpty()) {
            b.append(b.isEmpty() ? "" : ", ").append("a batch (10)");
        }
        if (id.expiry().isEmpty()) {
            b.append(b.isEmpty() ? "" : ", ").append("an expiry date (17)");
        }
        return b.isEmpty() ? "a valid serial or batch" : b.toString();
    }

    /** The rule-1 reason code for a scanner parse error. */
    static ReasonCode code(ParseError.Rule rule) {
        return switch (rule) {
            case CHECK_DIGIT -> ReasonCode.BAD_CHECK_DIGIT;
            case INVALID_DATE -> ReasonCode.INVALID_DATE;
            default -> ReasonCode.MALFORMED_CODE;
        };
    }
}

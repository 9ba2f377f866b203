package dev.packguard.app.station.scan;

import static dev.packguard.app.station.audit.AuditTrail.shown;

import dev.packguard.app.station.packing.UnitKey;
import dev.packguard.scanner.ParseError;
import dev.packguard.scanner.ParseResult;
import dev.packguard.scanner.ProductIdentifier;
import dev.packguard.scanner.scan.ScanDecoder;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The first step of judging a scanned pack, the same at packing and at the returns bench: decode
 * the scan (the scanner module: GS1 element strings, Digital Link, PPN), refuse a code without a serial (a unit is only identified by GTIN + serial, GS1 GS
 * §3.5.2 AI 21), refuse a pack already handled in this order or session, and name the unit by its
 * key. Every refusal is put on the audit log through the workflow's {@link Verdicts}, worded as
 * that workflow words its records ({@link Wording}). One caller at a time, like the sessions.
 */
public final class PackCodeReader {
    /** What a scanned unit could not be verified without; the sentence the operator sees. */
    public static final String NO_SERIAL = "This code has no serial number, so the pack cannot be verified. "
            + "Scan the 2D code on the pack.";

    /** How a pack already seen in this order or session was handled. */
    public enum Seen {
        /** Packed, or returned to stock: the workflow's normal end. */
        DONE,
        /** Put in the quarantine bin. */
        QUARANTINED
    }

    /**
     * How one workflow words its VERDICT records: {@code prefix} before each ("" for packing,
     * "return " for returns), what {@link Seen#DONE} is called ("packed") and what a duplicate is
     * counted within ("order").
     */
    public record Wording(String prefix, String done, String scope) {
        public Wording {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(done, "done");
            Objects.requireNonNull(scope, "scope");
        }
    }

    /** Writes one VERDICT record of the workflow's operator; false when it could not be written (the workflow halts). */
    @FunctionalInterface
    public interface Verdicts {
        boolean record(String subject, String detail);
    }

    /**
     * A workflow's outcome for each result but {@link Result.Read}: {@code halted} is asked when
     * the record could not be written (the workflow has halted by then).
     */
    public record Refusals<T>(BiFunction<String, ParseError, T> unreadable, Function<String, T> refused,
            BiFunction<UnitKey, Boolean, T> duplicate, Supplier<T> halted) {
        public Refusals {
            Objects.requireNonNull(unreadable, "unreadable");
            Objects.requireNonNull(refused, "refused");
            Objects.requireNonNull(duplicate, "duplicate");
            Objects.requireNonNull(halted, "halted");
        }
    }

    /** What reading a scan came to. Every result but {@link Read} is on the audit log already (or {@link NotRecorded}). */
    public sealed interface Result {
        /** The workflow's outcome for this result, {@link Refusals} says which; empty for {@link Read}. */
        <T> Optional<T> refusal(Refusals<T> as);

        /** A serialised unit, not seen before in this order or session: go on and verify it. */
        record Read(ProductIdentifier unit, UnitKey key) implements Result {
            public Read {
                Objects.requireNonNull(unit, "unit");
                Objects.requireNonNull(key, "key");
            }

            @Override
            public <T> Optional<T> refusal(Refusals<T> as) {
                return Optional.empty();
            }
        }

        /** The scan is not a code the scanner module can read; {@code error} says where and why. */
        record Unreadable(String scan, ParseError error) implements Result {
            public Unreadable {
                Objects.requireNonNull(scan, "scan");
                Objects.requireNonNull(error, "error");
            }

            @Override
            public <T> Optional<T> refusal(Refusals<T> as) {
                return Optional.of(as.unreadable().apply(scan, error));
            }
        }

        /** The code has no serial number; refused with {@link #NO_SERIAL}. {@code unit} is what it did say. */
        record NoSerial(ProductIdentifier unit) implements Result {
            public NoSerial {
                Objects.requireNonNull(unit, "unit");
            }

            @Override
            public <T> Optional<T> refusal(Refusals<T> as) {
                return Optional.of(as.refused().apply(NO_SERIAL));
            }
        }

        /** This pack was handled already in this order or session; it is not taken again. */
        record Duplicate(UnitKey key, boolean quarantined) implements Result {
            public Duplicate {
                Objects.requireNonNull(key, "key");
            }

            @Override
            public <T> Optional<T> refusal(Refusals<T> as) {
                return Optional.of(as.duplicate().apply(key, quarantined));
            }
        }

        /** The audit log refused the record: nothing more can be recorded, the workflow halts. */
        record NotRecorded() implements Result {
            @Override
            public <T> Optional<T> refusal(Refusals<T> as) {
                return Optional.of(as.halted().get());
            }
        }
    }

    private final ScanDecoder decoder;
    private final Wording wording;

    public PackCodeReader(ScanDecoder decoder, Wording wording) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.wording = Objects.requireNonNull(wording, "wording");
    }

    /**
     * Reads {@code raw} (what the scanner sent); {@code seen} says how a unit was handled already in
     * this order or session, if it was; refusals are recorded through {@code verdicts}.
     */
    public Result read(String raw, Function<UnitKey, Optional<Seen>> seen, Verdicts verdicts) {
        ParseResult parsed = decoder.decode(raw);
        if (parsed instanceof ParseResult.Failure f) {
            return on(verdicts.record(shown(raw), wording.prefix() + "UNREADABLE: " + f.error()),
                    new Result.Unreadable(raw, f.error()));
        }
        ProductIdentifier id = ((ParseResult.Success) parsed).identifier();
        if (id.serial().isEmpty()) {
            return on(verdicts.record(id.gtin(), wording.prefix() + "REFUSED: " + NO_SERIAL), new Result.NoSerial(id));
        }
        UnitKey key = new UnitKey(id.gtin(), id.serial().get());
        Optional<Seen> before = seen.apply(key);
        if (before.isPresent()) {
            boolean q = before.get() == Seen.QUARANTINED;
            return on(verdicts.record(key.toString(), wording.prefix() + "DUPLICATE: already "
                    + (q ? "quarantined" : wording.done()) + " in this " + wording.scope()), new Result.Duplicate(key, q));
        }
        return new Result.Read(id, key);
    }

    private static Result on(boolean recorded, Result result) {
        return recorded ? result : new Result.NotRecorded();
    }
}

package dev.packguard.scanner.serial;

import dev.packguard.scanner.ParseResult;
import java.util.Objects;

/**
 * One scan received from a serial scanner.
 *
 * @param raw    the frame as received, without its CR/LF suffix
 * @param result the parsed identifier, or why the frame is not one
 */
public record SerialScan(String raw, ParseResult result) {
    public SerialScan {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(result, "result");
    }
}

package dev.packguard.ledger.statement;

import java.util.Objects;

/** One log entry: a statement and its signature (docs/LEDGER.md "Statements"). */
public record SignedStatement(Statement statement, StatementSignature signature) {
    /** Requires both. */
    public SignedStatement {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(signature, "signature");
    }

    /** The entry bytes: the RFC 8785 canonical JSON of {@code {"signature":…,"statement":…}}. */
    public byte[] encode() {
        return StatementCodec.entry(this);
    }
}

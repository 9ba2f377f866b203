package dev.packguard.app.station.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash chain of the audit log, the same for the station and for a third party re-checking
 * an export (docs/AUDIT.md):
 *
 * <pre>
 * canonical(r) = RFC 8785 JSON of {seq, time, kind, operator, subject, detail[, checkpoint{origin, size, root}]}
 * hash(r)      = SHA-256(prev || UTF-8(canonical(r)))     prev = hash(r-1), 32 zero bytes before the first
 * </pre>
 *
 * Any edit of a field changes its record's hash; removing or moving a record breaks the
 * {@code seq} sequence or the {@code prev} link of the record after it.
 */
public final class AuditChain {
    /** The {@code prev} of the first record: 32 zero bytes. */
    public static final String GENESIS_HEX = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /**
     * The RFC 8785 canonical JSON of a record's content (everything but the two hashes). Written
     * directly, since every record has the same shape: members in code-unit order of their names
     * (§3.2.3), integers below 2^53 in plain decimal (§3.2.2.3), strings escaped as §3.2.2.2 says.
     * The tests hold it equal to a general JCS implementation.
     */
    public static String canonical(long seq, Instant time, AuditEntry entry) {
        StringBuilder sb = new StringBuilder(160);
        sb.append('{');
        entry.checkpoint().ifPresent(c -> {
            sb.append("\"checkpoint\":{\"origin\":");
            string(sb, c.origin());
            sb.append(",\"root\":");
            string(sb, c.rootHex());
            sb.append(",\"size\":").append(c.size()).append("},");
        });
        sb.append("\"detail\":");
        string(sb, entry.detail());
        sb.append(",\"kind\":");
        string(sb, entry.kind().name());
        sb.append(",\"operator\":");
        string(sb, entry.operator());
        sb.append(",\"seq\":").append(seq);
        sb.append(",\"subject\":");
        string(sb, entry.subject());
        sb.append(",\"time\":");
        string(sb, time.toString());
        return sb.append('}').toString();
    }

    // RFC 8785 §3.2.2.2: the two-character escapes for " \\ \b \f \n \r \t, \\u00xx (lowercase) for other
    // controls, every other character (non-ASCII included) as itself.
    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** {@code SHA-256(prev || UTF-8(canonical))}, lowercase hex. */
    public static String link(String prevHex, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HEX.parseHex(prevHex));
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Walks records in stored order; call {@link #add} for each, then {@link #finish}. */
    public static final class Verifier {
        private long expectedSeq = 1;
        private String prev = GENESIS_HEX;
        private AuditCheck.Tampered broken;

        /** Checks the next record; after the first break the rest are ignored. */
        public void add(AuditRecord r) {
            if (broken != null) {
                return;
            }
            if (r.seq() != expectedSeq) {
                broken = new AuditCheck.Tampered(expectedSeq, r.seq() > expectedSeq
                        ? "record " + expectedSeq + " is missing (the next one found is " + r.seq() + ")"
                        : "record " + r.seq() + " appears out of order after record " + (expectedSeq - 1));
                return;
            }
            if (!r.prevHex().equals(prev)) {
                broken = new AuditCheck.Tampered(r.seq(), "it does not follow the record before it "
                        + "(a record was removed, inserted or moved here)");
                return;
            }
            if (!link(prev, canonical(r.seq(), r.time(), r.entry())).equals(r.hashHex())) {
                broken = new AuditCheck.Tampered(r.seq(), "its content does not match its hash (it was edited)");
                return;
            }
            prev = r.hashHex();
            expectedSeq++;
        }

        /**
         * The verdict on the whole chain. {@code expectedHead} is the head recorded apart from
         * the rows (count and hash): rows removed from the end show up here.
         */
        public AuditCheck finish(long expectedCount, String expectedHead) {
            if (broken != null) {
                return broken;
            }
            long count = expectedSeq - 1;
            if (count != expectedCount || !prev.equals(expectedHead)) {
                return new AuditCheck.Tampered(Math.min(count, expectedCount) + 1, count < expectedCount
                        ? "the log should hold " + expectedCount + " records but ends after " + count
                        + " (records were removed from the end)"
                        : "the records do not end at the recorded head (the head or the last records were changed)");
            }
            return new AuditCheck.Intact(count, prev);
        }
    }
}

package dev.packguard.app.station.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.packguard.app.station.CheckpointRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Exports of the audit log for auditors, and the check a third party runs on a JSON export.
 * Both forms carry the chain ({@code prev}, {@code hash}) so the export can be re-verified
 * without PackGuard, by recomputing {@link AuditChain}'s formula (docs/AUDIT.md).
 */
public final class AuditExport {
    /** The {@code format} value of a JSON export. */
    public static final String FORMAT = "packguard-audit/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String CSV_HEADER =
            "seq,time,kind,operator,subject,detail,checkpoint_origin,checkpoint_size,checkpoint_root,prev,hash";

    private AuditExport() {
    }

    /** The outcome of checking an export. */
    public sealed interface ExportCheck permits Checked, Malformed {
    }

    /** The export was readable; {@code result} says whether its chain holds. */
    public record Checked(AuditCheck result) implements ExportCheck {
        public Checked {
            Objects.requireNonNull(result, "result");
        }
    }

    /** The file is not a {@value #FORMAT} export; {@code problem} says where. */
    public record Malformed(String problem) implements ExportCheck {
        public Malformed {
            Objects.requireNonNull(problem, "problem");
        }
    }

    /** RFC 4180 CSV, one line per record, oldest first, header line first; lines end with CRLF. */
    public static String toCsv(List<AuditRecord> records) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append("\r\n");
        for (AuditRecord r : records) {
            AuditEntry e = r.entry();
            Optional<CheckpointRef> cp = e.checkpoint();
            String[] fields = {Long.toString(r.seq()), r.time().toString(), e.kind().name(), e.operator(),
                e.subject(), e.detail(), cp.map(CheckpointRef::origin).orElse(""),
                cp.map(c -> Long.toString(c.size())).orElse(""), cp.map(CheckpointRef::rootHex).orElse(""),
                r.prevHex(), r.hashHex()};
            for (int i = 0; i < fields.length; i++) {
                sb.append(i == 0 ? "" : ",").append(csvField(fields[i]));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    // RFC 4180 §2: quote fields holding comma, quote or line breaks; double inner quotes.
    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** A JSON document: {@code format}, every record with its chain hashes, and the head (count, hash). */
    public static String toJson(List<AuditRecord> records) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("records");
        for (AuditRecord r : records) {
            ObjectNode o = list.addObject();
            o.put("seq", r.seq());
            o.put("time", r.time().toString());
            o.put("kind", r.entry().kind().name());
            o.put("operator", r.entry().operator());
            o.put("subject", r.entry().subject());
            o.put("detail", r.entry().detail());
            r.entry().checkpoint().ifPresent(c -> {
                ObjectNode cp = o.putObject("checkpoint");
                cp.put("origin", c.origin());
                cp.put("size", c.size());
                cp.put("root", c.rootHex());
            });
            o.put("prev", r.prevHex());
            o.put("hash", r.hashHex());
        }
        ObjectNode head = root.putObject("head");
        head.put("count", records.size());
        head.put("hash", records.isEmpty() ? AuditChain.GENESIS_HEX : records.get(records.size() - 1).hashHex());
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Re-verifies a JSON export from its fields alone, as a third party would. Never throws for bad input. */
    public static ExportCheck verifyJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            return new Malformed("not JSON: " + e.getMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText(null))) {
            return new Malformed("format is not " + FORMAT);
        }
        JsonNode records = root.path("records");
        JsonNode head = root.path("head");
        if (!records.isArray() || !head.path("count").canConvertToLong() || !head.path("hash").isTextual()) {
            return new Malformed("records (an array) and head {count, hash} are required");
        }
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        int i = 0;
        for (JsonNode o : records) {
            try {
                Optional<CheckpointRef> cp = o.has("checkpoint")
                        ? Optional.of(new CheckpointRef(text(o.path("checkpoint"), "origin"),
                                o.path("checkpoint").path("size").longValue(), text(o.path("checkpoint"), "root")))
                        : Optional.empty();
                AuditEntry entry = new AuditEntry(AuditKind.valueOf(text(o, "kind")), text(o, "operator"),
                        text(o, "subject"), text(o, "detail"), cp);
                verifier.add(new AuditRecord(o.path("seq").longValue(), Instant.parse(text(o, "time")), entry,
                        text(o, "prev"), text(o, "hash")));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return new Malformed("records[" + i + "]: " + e.getMessage());
            }
            i++;
        }
        return new Checked(verifier.finish(head.path("count").longValue(), head.path("hash").asText()));
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.path(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return v.asText();
    }
}

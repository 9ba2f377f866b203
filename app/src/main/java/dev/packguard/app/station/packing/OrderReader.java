package dev.packguard.app.station.packing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads order files (docs/ORDERS.md, format 1): untrusted JSON, parsed once into an {@link Order} or a
 * {@link Problem} naming the field at fault. Unknown fields and duplicate keys are refused, so
 * a misspelt quantity never packs a default.
 */
public final class OrderReader {
    /** Order files larger than this are refused unread. */
    public static final long MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> TOP = Set.of("format", "orderId", "lines");
    private static final Set<String> LINE = Set.of("line", "gtin", "ndc", "pzn", "description", "quantity", "daysSupply");

    private OrderReader() {
    }

    /** The outcome of reading one order file. */
    public sealed interface Result permits Read, Problem {
    }

    /** The file held a valid order. */
    public record Read(Path file, Order order) implements Result {
    }

    /** The file is not a valid order; {@code message} names the field, e.g. {@code lines[1].quantity: …}. */
    public record Problem(Path file, String message) implements Result {
        public Problem {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Every {@code *.json} file in {@code folder}, sorted by name, each read. */
    public static List<Result> readFolder(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.json")) {
            ds.forEach(files::add);
        }
        files.sort(null);
        List<Result> out = new ArrayList<>();
        for (Path f : files) {
            out.add(read(f));
        }
        return out;
    }

    /** Reads one order file. */
    public static Result read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return new Problem(file, "the file is larger than " + MAX_BYTES + " bytes");
            }
            return parse(file, Files.readString(file));
        } catch (IOException e) {
            return new Problem(file, "cannot read: " + e.getMessage());
        }
    }

    /** Parses {@code json} as an order; {@code file} only names it in problems. */
    public static Result parse(Path file, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            return new Problem(file, "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            return new Problem(file, "an order is a JSON object");
        }
        Optional<String> unknown = unknownField(root, TOP, "");
        if (unknown.isPresent()) {
            return new Problem(file, unknown.get());
        }
        if (!root.path("format").isInt() || root.path("format").intValue() != 1) {
            return new Problem(file, "format: must be 1");
        }
        if (!root.path("orderId").isTextual()) {
            return new Problem(file, "orderId: is required (a string)");
        }
        if (!root.path("lines").isArray() || root.path("lines").isEmpty() || root.path("lines").size() > 100) {
            return new Problem(file, "lines: 1-100 lines are required");
        }
        List<Order.Line> lines = new ArrayList<>();
        int i = 0;
        for (JsonNode l : root.path("lines")) {
            String at = "lines[" + i + "]";
            if (!l.isObject()) {
                return new Problem(file, at + ": must be an object");
            }
            Optional<String> bad = unknownField(l, LINE, at + ".");
            if (bad.isPresent()) {
                return new Problem(file, bad.get());
            }
            if (!l.path("line").isInt() || l.path("line").intValue() != i + 1) {
                return new Problem(file, at + ".line: must be " + (i + 1) + " (lines are numbered 1, 2, 3, … in file order)");
            }
            if (!l.path("gtin").isTextual() || !l.path("description").isTextual()) {
                return new Problem(file, at + ": gtin and description are required strings");
            }
            if (!l.path("quantity").isInt() || !l.path("daysSupply").isInt()) {
                return new Problem(file, at + ": quantity and daysSupply are required whole numbers");
            }
            if (l.has("ndc") && !(l.path("ndc").isTextual() && l.path("ndc").asText().matches("[0-9]{10}"))) {
                return new Problem(file, at + ".ndc: must be the 10-digit NDC");
            }
            if (l.has("pzn") && !(l.path("pzn").isTextual() && validPzn(l.path("pzn").asText()))) {
                return new Problem(file, at + ".pzn: must be 8 digits with a valid check digit");
            }
            try {
                lines.add(new Order.Line(l.path("gtin").asText(), l.path("description").asText(),
                        l.path("quantity").intValue(), l.path("daysSupply").intValue()));
            } catch (IllegalArgumentException e) {
                return new Problem(file, at + ": " + e.getMessage());
            }
            i++;
        }
        try {
            return new Read(file, new Order(root.path("orderId").asText(), lines));
        } catch (IllegalArgumentException e) {
            return new Problem(file, e.getMessage());
        }
    }

    // PZN: 8 digits, the last = (Σ digit_i × i, i = 1..7) mod 11, where 10 is not a valid check digit (IFA).
    static boolean validPzn(String pzn) {
        if (!pzn.matches("[0-9]{8}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (pzn.charAt(i) - '0') * (i + 1);
        }
        return sum % 11 == pzn.charAt(7) - '0';
    }

    private static Optional<String> unknownField(JsonNode o, Set<String> known, String prefix) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!known.contains(name)) {
                return Optional.of(prefix + name + ": unknown field");
            }
        }
        return Optional.empty();
    }
}

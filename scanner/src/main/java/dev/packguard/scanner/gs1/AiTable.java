package dev.packguard.scanner.gs1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every GS1 Application Identifier, read once from {@code application-identifiers.txt} (its
 * header cites the GS1 sources and explains the columns). Immutable and thread-safe.
 */
public final class AiTable {
    private static final AiTable STANDARD = load();

    private final Map<String, AiDefinition> byAi;

    private AiTable(Map<String, AiDefinition> byAi) {
        this.byAi = Collections.unmodifiableMap(byAi);
        checkPrefixFree();
    }

    /** The table of the GS1 General Specifications. */
    public static AiTable standard() {
        return STANDARD;
    }

    /** The definition of {@code ai}, if it is a GS1 AI. */
    public Optional<AiDefinition> get(String ai) {
        return Optional.ofNullable(byAi.get(ai));
    }

    /** Every definition, in AI order. */
    public List<AiDefinition> all() {
        return List.copyOf(byAi.values());
    }

    /**
     * The AI that {@code data} starts with at {@code from}. GS1 AIs form a prefix-free code (no AI
     * is the start of another), so at most one of the 2-, 3- and 4-digit readings exists.
     */
    public Optional<AiDefinition> match(CharSequence data, int from) {
        for (int len = 2; len <= 4 && from + len <= data.length(); len++) {
            AiDefinition d = byAi.get(data.subSequence(from, from + len).toString());
            if (d != null) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private void checkPrefixFree() {
        for (String a : byAi.keySet()) {
            for (String b : byAi.keySet()) {
                if (!a.equals(b) && b.startsWith(a)) {
                    throw new IllegalStateException("AI table is not prefix-free: " + a + " / " + b);
                }
            }
        }
    }

    private static AiTable load() {
        String name = "application-identifiers.txt";
        try (InputStream in = AiTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, AiDefinition> map = new LinkedHashMap<>();
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    for (AiDefinition d : parseLine(line)) {
                        if (map.put(d.ai(), d) != null) {
                            throw new IllegalArgumentException("duplicate AI " + d.ai());
                        }
                    }
                } catch (RuntimeException e) {
                    throw new IllegalStateException(name + " line " + lineNo + ": " + e.getMessage(), e);
                }
            }
            return new AiTable(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<AiDefinition> parseLine(String line) {
        String[] cols = line.split("\\|", -1);
        if (cols.length != 6) {
            throw new IllegalArgumentException("expected 6 columns, found " + cols.length);
        }
        boolean predefined = switch (cols[1]) {
            case "-" -> true;
            case "GS" -> false;
            default -> throw new IllegalArgumentException("separator column must be - or GS");
        };
        List<Component> components = Arrays.stream(cols[2].split("\\+")).map(AiTable::component).toList();
        List<List<String>> requires = cols[3].isEmpty() ? List.of()
                : Arrays.stream(cols[3].split(" & ")).map(g -> List.of(g.split(","))).toList();
        List<String> excludes = cols[4].isEmpty() ? List.of() : List.of(cols[4].split(","));
        List<AiDefinition> out = new ArrayList<>();
        String[] range = cols[0].split("-");
        int first = Integer.parseInt(range[0]);
        int last = range.length == 2 ? Integer.parseInt(range[1]) : first;
        for (int ai = first; ai <= last; ai++) {
            String code = String.format("%0" + range[0].length() + "d", ai);
            out.add(new AiDefinition(code, predefined, components, requires, excludes, cols[5]));
        }
        return out;
    }

    private static Component component(String spec) {
        String s = spec;
        Optional<String> check = Optional.empty();
        int colon = s.indexOf(':');
        if (colon >= 0) {
            check = Optional.of(s.substring(colon + 1));
            s = s.substring(0, colon);
        }
        boolean optional = s.endsWith("?");
        if (optional) {
            s = s.substring(0, s.length() - 1);
        }
        char type = s.charAt(0);
        String len = s.substring(1);
        if (len.startsWith("..")) {
            return new Component(type, 1, Integer.parseInt(len.substring(2)), optional, check);
        }
        int n = Integer.parseInt(len);
        return new Component(type, n, n, optional, check);
    }
}

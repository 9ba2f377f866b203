package dev.packguard.ledger.policy;

import dev.packguard.ledger.note.ParseError;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.VerifierKey;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the c2sp.org/tlog-policy text format:
 *
 * <pre>
 * log &lt;vkey&gt; [&lt;url&gt;]
 * witness &lt;name&gt; &lt;vkey&gt; [&lt;url&gt;]
 * group &lt;name&gt; all|any|&lt;k&gt; &lt;name&gt;...
 * quorum &lt;name&gt;
 * </pre>
 *
 * <p>Lines end in newline; items are separated by spaces and tabs; blank lines and lines whose
 * first non-blank character is {@code #} are ignored (§Structure). Every error names the line
 * and column. Beyond the spec's rules (names defined before use and once, {@code none} reserved,
 * 1 &lt;= k &lt;= n, each member once, exactly one quorum, no duplicate log or witness public
 * keys) the station also refuses: a file that is not UTF-8 or does not end in a newline, keys of
 * the wrong type (logs 0x01, witnesses 0x04), more than {@link #MAX_LOGS} logs,
 * {@link #MAX_WITNESSES} witnesses or {@link #MAX_GROUPS} groups, and files over
 * {@link #MAX_BYTES} bytes.
 */
public final class PolicyParser {
    /** tlog-policy §Implementation limits recommends supporting at least 32 of each. */
    public static final int MAX_LOGS = 64;
    public static final int MAX_WITNESSES = 64;
    public static final int MAX_GROUPS = 64;
    public static final int MAX_BYTES = 256 * 1024;

    private static final Pattern THRESHOLD = Pattern.compile("[1-9][0-9]{0,8}");

    private record Token(String text, int column) {
    }

    private final List<Policy.Log> logs = new ArrayList<>();
    private final List<Policy.Witness> witnesses = new ArrayList<>();
    private final List<Policy.Group> groups = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, Integer> logKeys = new HashMap<>();
    private final Map<String, Integer> witnessKeys = new HashMap<>();
    private Optional<String> quorum = Optional.empty();
    private int lineNo;

    private PolicyParser() {
    }

    /** Parses a policy file's bytes. */
    public static Parsed<Policy> parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return Parsed.error(1, 1, "policy file is larger than " + MAX_BYTES + " bytes");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return parse(text);
        } catch (CharacterCodingException e) {
            return Parsed.error(1, 1, "policy file is not valid UTF-8");
        }
    }

    /** Parses a policy file's text. */
    public static Parsed<Policy> parse(String text) {
        return new PolicyParser().run(text);
    }

    private Parsed<Policy> run(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            String[] all = text.split("\n", -1);
            return Parsed.error(all.length, all[all.length - 1].length() + 1, "the last line does not end in a newline");
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            lineNo = i + 1;
            Optional<ParseError> e = line(lines[i]);
            if (e.isPresent()) {
                return Parsed.error(e.get());
            }
        }
        if (quorum.isEmpty()) {
            return Parsed.error(Math.max(1, lines.length - 1), 1, "the policy has no quorum line");
        }
        return Parsed.ok(new Policy(logs, witnesses, groups, quorum.get()));
    }

    private Optional<ParseError> line(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return error(i + 1, String.format("control character U+%04X is not allowed", (int) c));
            }
        }
        List<Token> t = tokens(line);
        if (t.isEmpty() || t.get(0).text().startsWith("#")) {
            return Optional.empty();
        }
        switch (t.get(0).text()) {
            case "log":
                return log(t);
            case "witness":
                return witness(t);
            case "group":
                return group(t);
            case "quorum":
                return quorum(t);
            default:
                return error(t.get(0).column(), "unknown keyword '" + t.get(0).text() + "' (expected log, witness, group or quorum)");
        }
    }

    private Optional<ParseError> log(List<Token> t) {
        if (t.size() < 2 || t.size() > 3) {
            return error(t.get(0).column(), "expected: log <vkey> [<url>]");
        }
        if (logs.size() == MAX_LOGS) {
            return error(1, "more than " + MAX_LOGS + " logs");
        }
        Parsed<VerifierKey> key = key(t.get(1), SignatureType.ED25519, "a log key must be an Ed25519 (type 0x01) key");
        if (key instanceof Parsed.Err<VerifierKey> e) {
            return Optional.of(e.error());
        }
        VerifierKey k = key.orElseThrow();
        Integer dup = logKeys.putIfAbsent(Arrays.toString(k.publicKey()), lineNo);
        if (dup != null) {
            return error(t.get(1).column(), "duplicate log: same public key as line " + dup);
        }
        logs.add(new Policy.Log(k, url(t, 2)));
        return Optional.empty();
    }

    private Optional<ParseError> witness(List<Token> t) {
        if (t.size() < 3 || t.size() > 4) {
            return error(t.get(0).column(), "expected: witness <name> <vkey> [<url>]");
        }
        if (witnesses.size() == MAX_WITNESSES) {
            return error(1, "more than " + MAX_WITNESSES + " witnesses");
        }
        Optional<ParseError> name = newName(t.get(1));
        if (name.isPresent()) {
            return name;
        }
        Parsed<VerifierKey> key = key(t.get(2), SignatureType.COSIGNATURE_V1,
                "a witness key must be a cosignature/v1 (type 0x04) key");
        if (key instanceof Parsed.Err<VerifierKey> e) {
            return Optional.of(e.error());
        }
        VerifierKey k = key.orElseThrow();
        Integer dup = witnessKeys.putIfAbsent(Arrays.toString(k.publicKey()), lineNo);
        if (dup != null) {
            return error(t.get(2).column(), "duplicate witness: same public key as line " + dup);
        }
        names.add(t.get(1).text());
        witnesses.add(new Policy.Witness(t.get(1).text(), k, url(t, 3)));
        return Optional.empty();
    }

    private Optional<ParseError> group(List<Token> t) {
        if (t.size() < 4) {
            return error(t.get(0).column(), "expected: group <name> all, any or <k>, then one or more member names");
        }
        if (groups.size() == MAX_GROUPS) {
            return error(1, "more than " + MAX_GROUPS + " groups");
        }
        Optional<ParseError> name = newName(t.get(1));
        if (name.isPresent()) {
            return name;
        }
        List<String> members = new ArrayList<>();
        for (Token m : t.subList(3, t.size())) {
            if (m.text().equals(Policy.NONE)) {
                return error(m.column(), "'none' cannot be a group member");
            }
            if (!names.contains(m.text())) {
                return error(m.column(), "'" + m.text() + "' is not a witness or group defined on an earlier line");
            }
            if (members.contains(m.text())) {
                return error(m.column(), "'" + m.text() + "' is listed twice in this group");
            }
            members.add(m.text());
        }
        Token k = t.get(2);
        int threshold;
        if (k.text().equals("all")) {
            threshold = members.size();
        } else if (k.text().equals("any")) {
            threshold = 1;
        } else if (THRESHOLD.matcher(k.text()).matches() && Integer.parseInt(k.text()) <= members.size()) {
            threshold = Integer.parseInt(k.text());
        } else {
            return error(k.column(), "threshold must be all, any, or a decimal k with 1 <= k <= " + members.size());
        }
        names.add(t.get(1).text());
        groups.add(new Policy.Group(t.get(1).text(), threshold, members));
        return Optional.empty();
    }

    private Optional<ParseError> quorum(List<Token> t) {
        if (t.size() != 2) {
            return error(t.get(0).column(), "expected: quorum <name>");
        }
        if (quorum.isPresent()) {
            return error(t.get(0).column(), "a policy has exactly one quorum line");
        }
        String name = t.get(1).text();
        if (!name.equals(Policy.NONE) && !names.contains(name)) {
            return error(t.get(1).column(), "'" + name + "' is not a witness or group defined on an earlier line");
        }
        quorum = Optional.of(name);
        return Optional.empty();
    }

    private Optional<ParseError> newName(Token name) {
        if (name.text().equals(Policy.NONE)) {
            return error(name.column(), "'none' is reserved");
        }
        if (names.contains(name.text())) {
            return error(name.column(), "'" + name.text() + "' is already defined");
        }
        return Optional.empty();
    }

    private Parsed<VerifierKey> key(Token token, SignatureType type, String wrongType) {
        Parsed<VerifierKey> key = VerifierKey.parse(token.text());
        if (key instanceof Parsed.Err<VerifierKey> e) {
            return Parsed.error(lineNo, token.column() + e.error().column() - 1, e.error().reason());
        }
        if (key.orElseThrow().type() != type) {
            return Parsed.error(lineNo, token.column(), wrongType);
        }
        return key;
    }

    private static Optional<String> url(List<Token> t, int index) {
        return t.size() > index ? Optional.of(t.get(index).text()) : Optional.empty();
    }

    private Optional<ParseError> error(int column, String reason) {
        return Optional.of(new ParseError(lineNo, column, reason));
    }

    // Whitespace is ASCII space and tab only (tlog-policy §Structure).
    private static List<Token> tokens(String line) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                i++;
            }
            if (i > start) {
                out.add(new Token(line.substring(start, i), start + 1));
            }
        }
        return out;
    }
}

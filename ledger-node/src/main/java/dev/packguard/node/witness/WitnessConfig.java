package dev.packguard.node.witness;

import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.note.VerifierKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The witnesses a node must gather cosignatures from, read from {@code node/witnesses}:
 *
 * <pre>
 * # comments and blank lines are ignored
 * witness http://127.0.0.1:8751/ witness1.example+1a2b3c4d+BAAA...   (URL, cosignature/v1 key)
 * quorum 2                                                           (k, 1..number of witnesses)
 * </pre>
 *
 * @param witnesses each witness's submission prefix and key
 * @param quorum how many must cosign before a checkpoint is published
 */
public record WitnessConfig(List<Entry> witnesses, int quorum) {
    /** One witness. */
    public record Entry(URI url, VerifierKey key) {
    }

    /** Validates 1 <= quorum <= witnesses. */
    public WitnessConfig {
        witnesses = List.copyOf(witnesses);
        if (quorum < 1 || quorum > witnesses.size()) {
            throw new IllegalArgumentException("quorum must be 1.." + witnesses.size());
        }
    }

    /** Parses the file's text; errors name the line. */
    public static Parsed<WitnessConfig> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        int quorum = -1;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("[ \t]+");
            if (f[0].equals("witness") && f.length == 3) {
                URI url;
                try {
                    url = new URI(f[1]);
                } catch (URISyntaxException e) {
                    return Parsed.error(i + 1, 9, "not a URL: " + f[1]);
                }
                if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                    return Parsed.error(i + 1, 9, "a witness URL is http or https");
                }
                Parsed<VerifierKey> key = VerifierKey.parse(f[2]);
                if (key instanceof Parsed.Err<VerifierKey> err) {
                    return Parsed.error(i + 1, 10 + f[1].length(), "bad witness key: " + err.error().reason());
                }
                if (key.orElseThrow().type() != SignatureType.COSIGNATURE_V1) {
                    return Parsed.error(i + 1, 10 + f[1].length(), "a witness key has type cosignature/v1 (0x04)");
                }
                entries.add(new Entry(url, key.orElseThrow()));
            } else if (f[0].equals("quorum") && f.length == 2 && f[1].matches("[1-9][0-9]{0,2}")) {
                quorum = Integer.parseInt(f[1]);
            } else {
                return Parsed.error(i + 1, 1, "expected \"witness <url> <key>\" or \"quorum <k>\"");
            }
        }
        if (entries.isEmpty()) {
            return Parsed.error(1, 1, "no witness lines");
        }
        if (quorum < 1 || quorum > entries.size()) {
            return Parsed.error(lines.length, 1, "need \"quorum <k>\" with 1 <= k <= " + entries.size());
        }
        return Parsed.ok(new WitnessConfig(entries, quorum));
    }

    /** The quorum gatherer over HTTP clients for these witnesses. */
    public WitnessQuorum quorumOverHttp(Duration timeout) {
        List<CheckpointWitness> clients = new ArrayList<>();
        for (Entry e : witnesses) {
            clients.add(new HttpWitnessClient(e.url(), e.key(), timeout));
        }
        return new WitnessQuorum(clients, quorum);
    }
}

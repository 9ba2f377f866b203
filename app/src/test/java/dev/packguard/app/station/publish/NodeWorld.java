package dev.packguard.app.station.publish;

import dev.packguard.app.config.StationConfig;
import dev.packguard.app.station.LedgerMonitor;
import dev.packguard.app.station.StationSetup;
import dev.packguard.app.station.packing.LedgerVerifier;
import dev.packguard.app.station.packing.PackingStation;
import dev.packguard.ledger.rules.StationContext;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.index.StatementIndexer;
import dev.packguard.ledger.mirror.LogFetcher;
import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.mirror.MirrorSync;
import dev.packguard.ledger.mirror.PolicyVerifier;
import dev.packguard.ledger.note.SignatureType;
import dev.packguard.ledger.pki.TestConsortium;
import dev.packguard.ledger.pki.TestParty;
import dev.packguard.ledger.statement.Lot;
import dev.packguard.ledger.testing.SignedTestLog;
import dev.packguard.ledger.testing.SupplyChain;
import dev.packguard.node.LedgerNode;
import dev.packguard.node.sequencer.NodeFiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A real ledger node on 127.0.0.1 admitting only PackGuard statements (the test consortium's
 * root), holding a supply chain that delivered {@link #SERIALS} to pharmacy A, and a station
 * configured for pharmacy A (its key in a PKCS#8 PEM file) with its mirror synced from that node.
 */
final class NodeWorld implements AutoCloseable {
    static final String ORIGIN = "example.org/publish-test";
    static final Lot LOT = new Lot("PUB1");
    static final LocalDate EXPIRY = LocalDate.of(2028, 6, 30);
    static final String[] SERIALS = {"P1", "P2", "P3", "P4"};
    static final String GTIN = TestConsortium.GTIN.digits();
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    final Path dir;
    final Path nodeDir;
    final SupplyChain chain = SupplyChain.create();
    final Clock clock = Clock.systemUTC();
    final HttpClient http = HttpClient.newHttpClient();
    LedgerNode node;
    int port;
    Path config;
    MirrorStore store;
    LedgerMonitor monitor;
    PackingStation station;

    NodeWorld(Path dir) throws Exception {
        this.dir = dir;
        nodeDir = dir.resolve("node");
        NodeFiles files = NodeFiles.create(nodeDir, SignedTestLog.key(ORIGIN, SignatureType.ED25519));
        Files.write(files.nodeDir().resolve(LedgerNode.CONSORTIUM_ROOT), chain.consortium().root().encoded());
        chain.deliverToPharmacyA(LOT, EXPIRY, SERIALS);
        startNode(0);
        NodeClient client = new NodeClient(node.url(), TIMEOUT);
        for (byte[] e : chain.entries()) {
            if (!(client.send(e) instanceof dev.packguard.app.station.packing.Outbox.Answer.Accepted)) {
                throw new IllegalStateException("the node refused the story");
            }
        }
        awaitCheckpoint(chain.entries().size());
        Path station = Files.createDirectories(dir.resolve("station"));
        Files.writeString(station.resolve("policy.txt"), new SignedTestLog(ORIGIN, 0, clock).policy(0));
        Files.write(station.resolve("root.der"), chain.consortium().root().encoded());
        Files.writeString(station.resolve("pharmacy.key.pem"), pem(chain.pharmacyA()));
        Files.createDirectories(station.resolve("orders"));
        config = station.resolve("station.json");
        Files.writeString(config, """
                {"format": 1,
                 "station": {"name": "Packing 1", "pharmacyName": "Pharmacy A", "pharmacyGln": "%s",
                             "signingKey": "pharmacy.key.pem"},
                 "ledger": {"url": "%s", "policy": "policy.txt", "mirror": "mirror.db", "timeoutSeconds": 3,
                            "trustAnchor": "root.der"}}
                """.formatted(chain.pharmacyA().site().digits(), node.url()));
    }

    /** Starts the node on {@code port} (0: any free one) and remembers the port. */
    void startNode(int port) throws IOException {
        node = LedgerNode.start(nodeDir, new InetSocketAddress("127.0.0.1", port));
        this.port = node.url().getPort();
    }

    /** Opens the station's files and mirror, syncing once (same-thread). */
    PackingStation openStation() throws Exception {
        StationSetup.Ready ready = (StationSetup.Ready) StationSetup.load(config);
        StationConfig c = ready.config();
        store = StatementIndexer.openIndexed(c.ledger().mirror());
        MirrorSync sync = new MirrorSync(store, new LogFetcher(c.ledger().url(),
                new LogFetcher.Settings(TIMEOUT, 1, Duration.ofMillis(100), 2)), new PolicyVerifier(ready.policy(), clock), clock);
        monitor = new LedgerMonitor(store, sync, c.ledger().warnAfter(), c.ledger().blockAfter(), clock, Runnable::run);
        monitor.syncNow();
        // The rules without PackingStation.verifierFor's JIT warm-up, which only costs test time.
        var rules = new dev.packguard.ledger.rules.UnitVerifier(store, chain.consortium().root());
        var policies = new StationContext.Policies(c.ledger().warnAfter(), c.ledger().blockAfter(),
                c.rules().minShelfLifeDays(), c.rules().returnWindowDays(), c.rules().undoWindowDays());
        station = PackingStation.open(c, monitor, new LedgerVerifier(rules, new Gln(c.station().pharmacyGln()), policies,
                clock), clock);
        return station;
    }

    void closeStation() throws Exception {
        station.close();
        store.close();
    }

    /** Writes an order for {@code quantity} packs of the test GTIN. */
    void order(String id, int quantity) throws IOException {
        Files.writeString(config.getParent().resolve("orders").resolve(id + ".json"), """
                {"format": 1, "orderId": "%s", "lines": [
                  {"line": 1, "gtin": "%s", "description": "Test tablets", "quantity": %d, "daysSupply": 10}]}
                """.formatted(id, GTIN, quantity));
    }

    /** What a DataMatrix scanner sends for pack {@code serial}. */
    static String scan(String serial) {
        return "01" + GTIN + "21" + serial + "\u001d10" + LOT.value() + "\u001d17280630";
    }

    /** Waits until the node's checkpoint holds at least {@code size} entries. */
    void awaitCheckpoint(long size) throws Exception {
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.url() + "checkpoint")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && Long.parseLong(r.body().split("\n")[1]) >= size) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the node never published a checkpoint of size " + size);
    }

    static String pem(TestParty party) {
        byte[] der = party.key().toJcaKeyPair(new BouncyCastleProvider()).getPrivate().getEncoded();
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
    }

    @Override
    public void close() throws Exception {
        if (station != null) {
            closeStation();
        }
        if (node != null) {
            node.close();
        }
    }
}

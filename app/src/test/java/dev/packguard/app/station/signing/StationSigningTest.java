package dev.packguard.app.station.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packguard.ledger.mirror.MirrorStore;
import dev.packguard.ledger.pki.TestParty;
import dev.packguard.ledger.rules.UnitVerifier;
import dev.packguard.ledger.statement.Gln;
import dev.packguard.ledger.statement.SignatureAlgorithm;
import dev.packguard.ledger.statement.SigningKey;
import dev.packguard.ledger.testing.StationMirror;
import dev.packguard.ledger.testing.SupplyChain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** station.signingKey: read from PEM, confirmed against the registrations in a real synced mirror. */
class StationSigningTest {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    @TempDir
    static Path dir;
    static SupplyChain chain;
    static MirrorStore store;
    static UnitVerifier rules;

    @BeforeAll
    static void syncTheRegistrations() throws Exception {
        chain = SupplyChain.create();
        store = StationMirror.sync(chain.entries(), dir.resolve("mirror"), Clock.systemUTC());
        rules = new UnitVerifier(store, chain.consortium().root());
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    private static Path pemFile(String name, SigningKey key) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.toJcaKeyPair(BC).getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    private static StationSigning.Status status(Optional<Path> file, Gln pharmacy) {
        return StationSigning.of(file, pharmacy, rules::registeredCertificate).status();
    }

    @Test
    void registeredPharmacyKey_isReady_andSignsForThePartyAtTheStationsLocation() throws Exception {
        TestParty a = chain.pharmacyA();
        StationSigning.Status s = status(Optional.of(pemFile("a.pem", a.key())), a.site());
        assertThat(s).isInstanceOf(StationSigning.Status.Ready.class);
        StationSigner signer = ((StationSigning.Status.Ready) s).signer();
        assertThat(signer.party()).isEqualTo(a.partyId());
        assertThat(signer.location()).isEqualTo(a.site());
        assertThat(signer.key().keyId()).isEqualTo(a.key().keyId());
    }

    @Test
    void problems_areReportedNamingTheFileAndWhatToDo() throws Exception {
        Gln here = chain.pharmacyA().site();
        assertThat(why(status(Optional.empty(), here))).contains("no signing key", "station.signingKey");
        Path stranger = pemFile("stranger.pem", SigningKey.generate(SignatureAlgorithm.ED25519, new SecureRandom()));
        assertThat(why(status(Optional.of(stranger), here))).contains(stranger.toString(), "not registered",
                "sync it", "configure the key file the consortium certified for " + here);
        Path other = pemFile("b.pem", chain.pharmacyB().key());
        assertThat(why(status(Optional.of(other), here))).contains(other.toString(), "belongs to",
                chain.pharmacyB().partyId().digits(), "Configure the pharmacy's own key file");
        Path wholesaler = pemFile("w.pem", chain.wholesaler().key());
        assertThat(why(status(Optional.of(wholesaler), chain.wholesaler().site()))).contains("wholesaler", "not to the dispenser");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no PEM block     | just some text                                                                | no PEM "PRIVATE KEY" block
            encrypted        | -----BEGIN ENCRYPTED PRIVATE KEY-----\\nAAAA\\n-----END ENCRYPTED PRIVATE KEY----- | it is encrypted
            bad base64       | -----BEGIN PRIVATE KEY-----\\n@@@@\\n-----END PRIVATE KEY-----                 | no PEM "PRIVATE KEY" block
            not a key        | -----BEGIN PRIVATE KEY-----\\nMAMCAQE=\\n-----END PRIVATE KEY-----             | not an Ed25519 or ECDSA P-256 private key
            """)
    void load_unusableFiles_sayWhy(String name, String content, String expected) throws Exception {
        Path file = dir.resolve(name.replace(' ', '-') + ".pem");
        Files.writeString(file, content.replace("\\n", "\n"));
        StationKey.Read read = StationKey.load(file);
        assertThat(read).isInstanceOf(StationKey.Read.Unusable.class);
        assertThat(((StationKey.Read.Unusable) read).why()).contains(file.toString(), "station.signingKey", expected);
        assertThat(StationKey.load(dir.resolve("missing.pem"))).isInstanceOf(StationKey.Read.Unusable.class);
    }

    private static String why(StationSigning.Status s) {
        assertThat(s).isInstanceOf(StationSigning.Status.Unavailable.class);
        return ((StationSigning.Status.Unavailable) s).why();
    }
}

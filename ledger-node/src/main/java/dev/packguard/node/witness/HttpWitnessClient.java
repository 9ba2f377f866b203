package dev.packguard.node.witness;

import dev.packguard.ledger.checkpoint.CosignatureV1;
import dev.packguard.ledger.note.NoteSignature;
import dev.packguard.ledger.note.Parsed;
import dev.packguard.ledger.note.SignedNote;
import dev.packguard.ledger.note.VerifierKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The log's side of c2sp.org/tlog-witness over HTTP. Cosignature lines in a 200 answer are kept
 * only if they are by the expected witness key and verify (the spec: the client ignores
 * cosignatures from unknown keys), so a misbehaving witness cannot put garbage in the note.
 */
public final class HttpWitnessClient implements CheckpointWitness {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI addCheckpoint;
    private final VerifierKey witnessKey;
    private final Duration timeout;

    /** A witness at submission prefix {@code base} whose cosignatures verify with {@code witnessKey}. */
    public HttpWitnessClient(URI base, VerifierKey witnessKey, Duration timeout) {
        String b = base.toString();
        this.addCheckpoint = URI.create(b.endsWith("/") ? b + "add-checkpoint" : b + "/add-checkpoint");
        this.witnessKey = witnessKey;
        this.timeout = timeout;
    }

    @Override
    public WitnessAnswer addCheckpoint(AddCheckpointRequest request) {
        HttpResponse<String> r;
        try {
            r = HTTP.send(HttpRequest.newBuilder(addCheckpoint).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.encode())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new WitnessAnswer.Unreachable(addCheckpoint + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WitnessAnswer.Unreachable("interrupted");
        }
        String body = r.body();
        String type = r.headers().firstValue("Content-Type").orElse("");
        switch (r.statusCode()) {
            case 200:
                return cosigned(request, body);
            case 409:
                if (type.equals("text/x.tlog.size") && body.matches("(0|[1-9][0-9]{0,18})\n")) {
                    return new WitnessAnswer.SizeConflict(Long.parseLong(body.strip()));
                }
                return new WitnessAnswer.RootMismatch(body.strip());
            case 404:
                return new WitnessAnswer.UnknownLog(body.strip());
            case 403:
                return new WitnessAnswer.Forbidden(body.strip());
            case 400:
                return new WitnessAnswer.BadRequest(body.strip());
            case 422:
                return new WitnessAnswer.InvalidProof(body.strip());
            default:
                return new WitnessAnswer.Unreachable(addCheckpoint + " answered " + r.statusCode());
        }
    }

    // The spec's suggestion: append the lines to the note and verify them as its signatures.
    private WitnessAnswer cosigned(AddCheckpointRequest request, String lines) {
        Parsed<SignedNote> sent = SignedNote.parse(request.note());
        if (!(sent instanceof Parsed.Ok<SignedNote> ok)) {
            return new WitnessAnswer.Unreachable("the request's own note does not parse");
        }
        Parsed<SignedNote> joined = SignedNote.parse(ok.value().text() + "\n" + lines);
        if (!(joined instanceof Parsed.Ok<SignedNote> j)) {
            return new WitnessAnswer.Unreachable("the witness answered malformed cosignature lines");
        }
        var verifier = CosignatureV1.verifier(witnessKey);
        byte[] text = ok.value().textBytes();
        List<NoteSignature> mine = new ArrayList<>();
        for (NoteSignature s : j.value().signatures()) {
            if (s.isBy(witnessKey.name(), witnessKey.keyId())) {
                if (!verifier.verify(text, s.signature())) {
                    return new WitnessAnswer.Unreachable("the witness's cosignature does not verify");
                }
                mine.add(s);
            }
        }
        if (mine.isEmpty()) {
            return new WitnessAnswer.Unreachable("no cosignature by " + witnessKey.name().value() + " in the answer");
        }
        return new WitnessAnswer.Cosigned(mine);
    }
}

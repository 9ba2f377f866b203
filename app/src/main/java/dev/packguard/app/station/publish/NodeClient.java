package dev.packguard.app.station.publish;

import dev.packguard.app.station.packing.Outbox;
import java.io.IOException;
import java.net.URI;
import dev.packguard.ledger.mirror.LazyHttpClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Submits one entry to a ledger node's {@code POST /add} (docs/LEDGER.md "Submission API") and
 * turns the answer into an {@link Outbox.Answer}: 200 and 202 carry the log index in
 * {@code PackGuard-Index}; 400, 409 and 413 are refusals that sending again cannot change; 503,
 * timeouts, an unreachable node and any other answer are failures to retry later.
 *
 * <p>A failure may hide an entry the node did log (its answer was lost). Sending it again is
 * safe: the node answers an entry identical to one it holds with that entry's index
 * ({@code PackGuard-Duplicate: true}, docs/LEDGER.md "Resubmitted entries"), so it is accepted
 * at its one index, never logged twice, never refused.
 */
public final class NodeClient implements Outbox.Sender {
    /** The longest refusal reason kept; the node's reasons are one line. */
    private static final int MAX_REASON = 500;

    private final LazyHttpClient http;
    private final URI add;
    private final Duration timeout;

    /** A client for the node whose log is served at {@code base} (ending in a slash), waiting at most {@code timeout}. */
    public NodeClient(URI base, Duration timeout) {
        Objects.requireNonNull(base, "base");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.add = base.resolve("add");
        this.http = new LazyHttpClient(() -> HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** Where entries go. */
    public URI endpoint() {
        return add;
    }

    @Override
    public Outbox.Answer send(byte[] entry) {
        // wait=0: the index is all the station needs, and it is durable once answered 202.
        HttpRequest request = HttpRequest.newBuilder(URI.create(add + "?wait=0")).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(entry)).build();
        HttpResponse<String> response;
        try {
            response = http.get().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Outbox.Answer.Failed("the node at " + add + " did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Outbox.Answer.Failed("cannot reach the node at " + add + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outbox.Answer.Failed("interrupted while sending to " + add);
        }
        int status = response.statusCode();
        String body = oneLine(response.body());
        if (status == 200 || status == 202) {
            String index = response.headers().firstValue("PackGuard-Index").orElse("");
            if (!index.matches("0|[1-9][0-9]{0,15}")) {
                return new Outbox.Answer.Failed("the node answered " + status + " without a valid PackGuard-Index");
            }
            return new Outbox.Answer.Accepted(Long.parseLong(index));
        }
        if (status == 400 || status == 409 || status == 413) {
            return new Outbox.Answer.Refused("HTTP " + status + ": " + body);
        }
        return new Outbox.Answer.Failed("the node answered HTTP " + status + ": " + body);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String oneLine(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        return s.length() > MAX_REASON ? s.substring(0, MAX_REASON) + "…" : s;
    }
}

package dev.packguard.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A proxy on 127.0.0.1 in front of a ledger node that forwards every request and then drops the
 * node's reply, closing the connection without a byte: what a station sees when the network
 * fails after its entry reached the node. It remembers what the node answered.
 */
final class LostReplyProxy implements AutoCloseable {
    /** What the node answered to one forwarded request (the proxy's client never sees it). */
    record Forwarded(int status, String index) {
    }

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI node;
    final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();

    LostReplyProxy(URI node) throws IOException {
        this.node = node;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/", this::forward);
        server.start();
    }

    /** The proxy's base URL, ending in a slash. */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void forward(HttpExchange ex) {
        // Closing an exchange before its headers were sent closes the connection: the reply is lost.
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String target = ex.getRequestURI().getRawPath().substring(1)
                    + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(node.resolve(target))
                    .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            forwarded.add(new Forwarded(answer.statusCode(), answer.headers().firstValue("PackGuard-Index").orElse("")));
        } catch (IOException e) {
            forwarded.add(new Forwarded(-1, ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package de.ikz.ledger.benchmarks.load;

import de.ikz.ledger.benchmarks.apps.RunningApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain HTTP/1.1 client of one server on 127.0.0.1, authenticated as the benchmark account. */
public final class LedgerHttp {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final String authorization;

    public LedgerHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString((RunningApp.USER + ":" + RunningApp.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A reply: status and body. */
    public record Reply(int status, String body) {
        public Reply expect(int... statuses) {
            for (int expected : statuses) {
                if (status == expected) {
                    return this;
                }
            }
            throw new IllegalStateException("HTTP " + status + ": " + abbreviate(body));
        }
    }

    public Reply get(String path) {
        return send(request(path).GET().build());
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    /** A request with a JSON body. */
    public Reply send(String method, String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}

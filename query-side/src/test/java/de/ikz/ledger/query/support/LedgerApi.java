package de.ikz.ledger.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** The read endpoints over real HTTP, as the manager account of the test properties. */
public final class LedgerApi {

    public static final String USER = "manager";
    public static final String PASSWORD = "manager-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    public LedgerApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Answer get(String path) {
        return send(request(path).header("Authorization", basic(USER, PASSWORD)));
    }

    /** A read that waits for the views to include the event at {@code position}. */
    public Answer getConsistent(String path, long position) {
        return send(request(path)
                .header("Authorization", basic(USER, PASSWORD))
                .header("X-Consistency-Token", Long.toString(position)));
    }

    public Answer getWithHeader(String path, String header, String value) {
        return send(request(path).header("Authorization", basic(USER, PASSWORD)).header(header, value));
    }

    public Answer getAnonymously(String path) {
        return send(request(path));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A status, the headers and the JSON body of an answer. */
    public record Answer(int status, HttpResponse<String> response, JsonNode body) {

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }
    }
}

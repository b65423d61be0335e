package de.ikz.ledger.command.http;

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
import java.util.LinkedHashMap;
import java.util.Map;

/** A small client of the real HTTP API for end-to-end tests. */
public final class HttpApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public HttpApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A request as the given account ({@code user:password}), or anonymous when {@code null}. */
    public Call as(String credentials) {
        return new Call(credentials);
    }

    public final class Call {
        private final String credentials;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String credentials) {
            this.credentials = credentials;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Reply get(String path) {
            return send("GET", path, null, null);
        }

        public Reply post(String path, String json) {
            return send("POST", path, json, "application/json");
        }

        public Reply patch(String path, String json) {
            return send("PATCH", path, json, "application/json");
        }

        public Reply send(String method, String path, String body, String contentType) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (credentials != null) {
                request.header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            headers.forEach(request::header);
            try {
                HttpResponse<String> response =
                        client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Reply(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An answer: status, headers and the body as JSON where there is one. */
    public record Reply(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        /** The problem's stable code, or {@code null} when the answer is no problem. */
        public String code() {
            String type = header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                return null;
            }
            return json().path("code").asText(null);
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}

package de.ikz.ledger.query.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The integrators' endpoints over real HTTP, with the accounts of {@link #register}. */
public final class IntegratorHttp {

    public static final String INTEGRATOR = "integrator:integrator-secret";
    public static final String OTHER_INTEGRATOR = "integrator-2:integrator-2-secret";
    public static final String ADMIN = "admin:admin-secret";
    public static final String MANAGER = "manager:manager-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    public IntegratorHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The accounts of the tests: two integrators, an admin and a manager. */
    public static void register(DynamicPropertyRegistry registry) {
        String[][] accounts = {
            {"manager", "{noop}manager-secret", "MANAGER"},
            {"integrator", "{noop}integrator-secret", "INTEGRATOR"},
            {"integrator-2", "{noop}integrator-2-secret", "INTEGRATOR"},
            {"admin", "{noop}admin-secret", "ADMIN"},
        };
        for (int i = 0; i < accounts.length; i++) {
            String[] account = accounts[i];
            registry.add("ikz.security.accounts[" + i + "].username", () -> account[0]);
            registry.add("ikz.security.accounts[" + i + "].password", () -> account[1]);
            registry.add("ikz.security.accounts[" + i + "].role", () -> account[2]);
        }
    }

    public Answer get(String path, String account) {
        return send(request(path, account).GET());
    }

    public Answer post(String path, String json, String account) {
        return send(request(path, account)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer delete(String path, String account) {
        return send(request(path, account).DELETE());
    }

    /** Opens a live stream; the caller closes it. */
    public Sse stream(String path, String account, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, account).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response =
                    http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            return new Sse(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String account) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (account != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(account.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, headers and JSON body of an answer. */
    public record Answer(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
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

        public String code() {
            return json().path("code").asText(null);
        }

        @Override
        public String toString() {
            return status() + " " + response.body();
        }
    }

    /**
     * A live stream read line by line on a thread of its own; each message (event, or comment-only)
     * arrives in {@link #messages}.
     */
    public static final class Sse implements AutoCloseable {

        private final HttpResponse<InputStream> response;
        private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        private final Thread reader;

        Sse(HttpResponse<InputStream> response) {
            this.response = response;
            this.reader = new Thread(this::read, "sse-test-reader");
            this.reader.setDaemon(true);
            if (response.statusCode() == 200) {
                reader.start();
            }
        }

        public int status() {
            return response.statusCode();
        }

        public String body() {
            try {
                return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next message within the wait, or {@code null}. */
        public Message next(Duration wait) throws InterruptedException {
            return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** The next message that is an event within the wait, or {@code null}. */
        public Message nextEvent(Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                Message message = next(Duration.ofNanos(deadline - System.nanoTime()));
                if (message != null && message.isEvent()) {
                    return message;
                }
            }
            return null;
        }

        private void read() {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                String event = null;
                StringBuilder data = null;
                List<String> comments = new ArrayList<>();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        messages.add(
                                new Message(id, event, data == null ? null : data.toString(), List.copyOf(comments)));
                        id = null;
                        event = null;
                        data = null;
                        comments.clear();
                    } else if (line.startsWith(":")) {
                        comments.add(line.substring(1).trim());
                    } else {
                        int colon = line.indexOf(':');
                        String field = colon < 0 ? line : line.substring(0, colon);
                        String value = colon < 0 ? "" : line.substring(colon + 1);
                        if (value.startsWith(" ")) {
                            value = value.substring(1);
                        }
                        switch (field) {
                            case "id" -> id = value;
                            case "event" -> event = value;
                            case "data" ->
                                data = data == null
                                        ? new StringBuilder(value)
                                        : data.append('\n').append(value);
                            default -> {
                                // retry and unknown fields
                            }
                        }
                    }
                }
            } catch (IOException closed) {
                // the stream ended
            }
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // closed already
            }
            reader.interrupt();
        }
    }

    /** One SSE message: an event (with data) or a comment, possibly with an id. */
    public record Message(String id, String event, String data, List<String> comments) {
        public boolean isEvent() {
            return data != null;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

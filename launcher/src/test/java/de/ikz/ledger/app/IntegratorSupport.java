package de.ikz.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.ikz.ledger.command.http.HttpApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the integrator tests share: accounts, waiting, a raw SSE client and a webhook receiver. */
final class IntegratorSupport {

    static final String ADMIN = "admin:admin-test";
    static final String INTEGRATOR = "integrator:integrator-test";
    static final String MANAGER = "manager:manager-test";
    static final String CITY = "saarbruecken:city-test";
    static final String DISTRICT = "saarpfalz-kreis:district-test";

    private static final ObjectMapper JSON = new ObjectMapper();

    private IntegratorSupport() {}

    /** The accounts of {@code TestAccounts}, for a context started by hand. */
    static Map<String, Object> accounts() {
        String[][] accounts = {
            {"admin", "{noop}admin-test", "ADMIN", null},
            {"manager", "{noop}manager-test", "MANAGER", null},
            {"auditor", "{noop}auditor-test", "AUDITOR", null},
            {"integrator", "{noop}integrator-test", "INTEGRATOR", null},
            {"saarbruecken", "{noop}city-test", "PARTNER", "saarbruecken"},
            {"saarpfalz-kreis", "{noop}district-test", "PARTNER", "saarpfalz-kreis"},
        };
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < accounts.length; i++) {
            String prefix = "ikz.security.accounts[" + i + "].";
            properties.put(prefix + "username", accounts[i][0]);
            properties.put(prefix + "password", accounts[i][1]);
            properties.put(prefix + "role", accounts[i][2]);
            if (accounts[i][3] != null) {
                properties.put(prefix + "partner-id", accounts[i][3]);
            }
        }
        return properties;
    }

    static void await(String what, Duration wait, BooleanSupplier done) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            sleep(25);
        }
        assertThat(done.getAsBoolean()).as(what + " within " + wait).isTrue();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a municipality; answers the HTTP status. */
    static int register(HttpApi api, String id) {
        return api.as(ADMIN)
                .post(
                        "/api/partners",
                        "{\"id\":\"" + id + "\",\"name\":\"Gemeinde " + id + "\",\"kind\":\"MUNICIPALITY\"}")
                .status();
    }

    static int rename(HttpApi api, String id, String name) {
        return api.as(ADMIN)
                .patch("/api/partners/" + id, "{\"name\":\"" + name + "\"}")
                .status();
    }

    /** Every event of the feed after {@code after}, read in pages of {@code limit}. */
    static List<JsonNode> feed(HttpApi api, long after, int limit) {
        List<JsonNode> events = new ArrayList<>();
        long at = after;
        for (int request = 0; request < 10_000; request++) {
            HttpApi.Reply reply = api.as(INTEGRATOR).get("/api/events?after=" + at + "&limit=" + limit);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            JsonNode page = reply.json();
            page.path("items").forEach(events::add);
            long last = page.path("lastPosition").asLong();
            if (last == at && page.path("items").isEmpty()) {
                return events;
            }
            at = last;
        }
        throw new AssertionError("the feed did not end");
    }

    static List<Long> positions(List<JsonNode> envelopes) {
        return envelopes.stream().map(e -> e.path("position").asLong()).toList();
    }

    /** A live stream read line by line on a thread of its own. */
    static final class Sse implements AutoCloseable {

        private final HttpResponse<InputStream> response;
        private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        private final Thread reader;

        private Sse(HttpResponse<InputStream> response) {
            this.response = response;
            this.reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            if (response.statusCode() == 200) {
                reader.start();
            }
        }

        static Sse open(int port, String path, String account, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "text/event-stream")
                    .header(
                            "Authorization",
                            "Basic " + Base64.getEncoder().encodeToString(account.getBytes(StandardCharsets.UTF_8)));
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            try {
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                return new Sse(client.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        int status() {
            return response.statusCode();
        }

        /** The next event (a message with data) within the wait, or {@code null}. */
        Message nextEvent(Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                Message message = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (message != null && message.data() != null) {
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
                String data = null;
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        messages.add(new Message(id, event, data));
                        id = null;
                        event = null;
                        data = null;
                    } else if (!line.startsWith(":")) {
                        int colon = line.indexOf(':');
                        String field = colon < 0 ? line : line.substring(0, colon);
                        String value =
                                colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                        switch (field) {
                            case "id" -> id = value;
                            case "event" -> event = value;
                            case "data" -> data = data == null ? value : data + "\n" + value;
                            default -> {
                                // retry and fields unknown to this client
                            }
                        }
                    }
                }
            } catch (IOException closed) {
                // the connection was dropped
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

    /** One SSE message. */
    record Message(String id, String event, String data) {
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A webhook receiver on 127.0.0.1 that checks every signature with the JDK's own HMAC and keeps
     * what it accepted; it can be stopped and started again on the same port.
     */
    static final class Receiver implements AutoCloseable {

        private final String secret;
        private final int port;
        private HttpServer server;
        final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
        final List<String> deliveryIds = new CopyOnWriteArrayList<>();
        final List<String> badSignatures = new CopyOnWriteArrayList<>();

        Receiver(String secret) {
            this.secret = secret;
            this.server = start(0);
            this.port = server.getAddress().getPort();
        }

        String url() {
            return "http://127.0.0.1:" + port + "/hook";
        }

        void stop() {
            server.stop(0);
        }

        void restart() {
            server = start(port);
        }

        /** The events accepted, each once, in the order each arrived first. */
        List<Long> distinctPositions() {
            List<Long> positions = new ArrayList<>();
            for (JsonNode envelope : accepted) {
                long position = envelope.path("position").asLong();
                if (!positions.contains(position)) {
                    positions.add(position);
                }
            }
            return positions;
        }

        private HttpServer start(int at) {
            try {
                HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", at), 0);
                started.createContext("/hook", this::handle);
                started.start();
                return started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Ikz-Signature");
            if (!("sha256=" + hmac(body)).equals(signature)) {
                badSignatures.add(String.valueOf(signature));
                exchange.sendResponseHeaders(401, -1);
            } else {
                accepted.add(JSON.readTree(body));
                deliveryIds.add(exchange.getRequestHeaders().getFirst("X-Ikz-Delivery-Id"));
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        }

        private String hmac(byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                StringBuilder hex = new StringBuilder();
                for (byte b : mac.doFinal(body)) {
                    hex.append(String.format("%02x", b));
                }
                return hex.toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

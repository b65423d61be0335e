package de.ikz.ledger.query.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on 127.0.0.1: checks every signature itself (with the JDK's HMAC, not the
 * ledger's code), records what arrives, and refuses the events {@link #refusing} names with 500.
 */
final class Receiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secret;
    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> badSignatures = new CopyOnWriteArrayList<>();
    volatile Predicate<JsonNode> refusing = envelope -> false;

    Receiver(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst("X-Ikz-Signature");
        if (!("sha256=" + hmac(body)).equals(signature)) {
            badSignatures.add(signature);
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        JsonNode envelope = JSON.readTree(body);
        boolean refused = refusing.test(envelope);
        received.add(new Received(
                envelope,
                exchange.getRequestHeaders().getFirst("X-Ikz-Delivery-Id"),
                exchange.getRequestHeaders().getFirst("X-Ikz-Event-Id"),
                refused));
        exchange.sendResponseHeaders(refused ? 500 : 204, -1);
        exchange.close();
    }

    /** The positions of the events accepted, in the order they arrived. */
    List<Long> acceptedPositions() {
        return received.stream()
                .filter(r -> !r.refused())
                .map(r -> r.envelope().path("position").asLong())
                .toList();
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

    record Received(JsonNode envelope, String deliveryId, String eventId, boolean refused) {}
}

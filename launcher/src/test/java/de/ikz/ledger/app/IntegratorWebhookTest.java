package de.ikz.ledger.app;

import static de.ikz.ledger.app.IntegratorSupport.INTEGRATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.app.IntegratorSupport.Receiver;
import de.ikz.ledger.command.http.HttpApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Webhooks on the whole service, delivered to a real receiver on 127.0.0.1 that checks every
 * signature: while the receiver is down deliveries are retried, and once it is back every event
 * arrives, in order; a restart of the service in the middle of the retries loses nothing.
 */
class IntegratorWebhookTest {

    static final String SECRET = "integration-secret-0123456789";
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void whileTheReceiverIsDownDeliveriesAreRetriedAndOnceItIsBackAllArriveInOrder() {
        try (Receiver receiver = new Receiver(SECRET);
                ConfigurableApplicationContext service = start(dataDir)) {
            HttpApi api = new HttpApi(port(service));
            String id = subscribe(api, receiver.url());
            List<Long> expected = new ArrayList<>();

            IntegratorSupport.register(api, "vor-1");
            IntegratorSupport.rename(api, "vor-1", "Vorher");
            IntegratorSupport.await("the first events", WAIT, () -> receiver.accepted.size() == 2);

            receiver.stop();
            for (int i = 0; i < 4; i++) {
                assertThat(IntegratorSupport.register(api, "waehrend-" + i)).isEqualTo(201);
            }
            IntegratorSupport.await("failed attempts", WAIT, () -> pendingAttempts(api, id) >= 3);
            JsonNode pending = deliveries(api, id, "PENDING").path("items").get(0);
            assertThat(pending.path("lastError").asText()).contains("cannot reach the receiver");
            assertThat(pending.path("nextAttemptAt").asText()).isNotEmpty();
            receiver.restart();

            expected.addAll(IntegratorSupport.positions(IntegratorSupport.feed(api, -1, 100)));
            IntegratorSupport.await(
                    "every event after the receiver is back",
                    WAIT,
                    () -> receiver.distinctPositions().equals(expected));
            assertThat(receiver.badSignatures).isEmpty();
            assertThat(receiver.distinctPositions()).isSorted();
            assertThat(deliveries(api, id, "DEAD_LETTER").path("items")).isEmpty();
        }
    }

    @Test
    void aRestartOfTheServiceInTheMiddleOfRetriesLosesNothing() {
        try (Receiver receiver = new Receiver(SECRET)) {
            String id;
            try (ConfigurableApplicationContext before = start(dataDir)) {
                HttpApi api = new HttpApi(port(before));
                id = subscribe(api, receiver.url());
                receiver.stop();
                for (int i = 0; i < 5; i++) {
                    assertThat(IntegratorSupport.register(api, "neustart-" + i)).isEqualTo(201);
                }
                IntegratorSupport.await(
                        "failed attempts before the restart", WAIT, () -> pendingAttempts(api, id) >= 2);
            }
            receiver.restart();

            try (ConfigurableApplicationContext after = start(dataDir)) {
                HttpApi api = new HttpApi(port(after));
                assertThat(IntegratorSupport.register(api, "nach-dem-neustart")).isEqualTo(201);
                List<Long> expected = IntegratorSupport.positions(IntegratorSupport.feed(api, -1, 100));

                IntegratorSupport.await(
                        "every event after the restart",
                        WAIT,
                        () -> receiver.distinctPositions().equals(expected));
                assertThat(expected).hasSize(6);
                assertThat(receiver.badSignatures).isEmpty();
                assertThat(deliveries(api, id, "DELIVERED").path("items")).hasSize(6);
                assertThat(deliveries(api, id, null).path("cursor").asLong()).isEqualTo(expected.get(5));
            }
        }
    }

    private static String subscribe(HttpApi api, String url) {
        HttpApi.Reply created = api.as(INTEGRATOR)
                .post(
                        "/api/webhooks",
                        "{\"url\":\"" + url + "\",\"types\":[\"PartnerRegistered\",\"PartnerRenamed\"],"
                                + "\"secret\":\"" + SECRET + "\",\"after\":-1}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private static int pendingAttempts(HttpApi api, String id) {
        JsonNode items = deliveries(api, id, "PENDING").path("items");
        return items.isEmpty() ? 0 : items.get(0).path("attempts").asInt();
    }

    private static JsonNode deliveries(HttpApi api, String id, String status) {
        HttpApi.Reply reply = api.as(INTEGRATOR)
                .get("/api/webhooks/" + id + "/deliveries" + (status == null ? "" : "?status=" + status));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        Map<String, Object> properties = new LinkedHashMap<>(IntegratorSupport.accounts());
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("ikz.data-dir", dataDir.toString());
        properties.put("ikz.webhooks.backoff-base", "50ms");
        properties.put("ikz.webhooks.backoff-max", "200ms");
        properties.put("ikz.webhooks.max-attempts", "1000");
        properties.put("ikz.webhooks.poll-interval", "50ms");
        properties.put("ikz.webhooks.connect-timeout", "500ms");
        properties.put("ikz.webhooks.read-timeout", "1s");
        properties.put("ikz.webhooks.lease", "3s");
        // command-line arguments, so that they win over the launcher's application.yml
        String[] arguments = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(IkzLedgerApplication.class).run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }
}

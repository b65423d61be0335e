package de.ikz.ledger.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.api.partner.PartnerKind;
import de.ikz.ledger.api.partner.PartnerRegistered;
import de.ikz.ledger.api.partner.PartnerRenamed;
import de.ikz.ledger.query.feed.IntegratorHttp;
import de.ikz.ledger.query.support.EventLog;
import de.ikz.ledger.query.support.QuerySideTestApplication;
import de.ikz.ledger.query.support.StreamEvent;
import de.ikz.ledger.query.support.ViewStoreProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Push subscriptions over real HTTP, delivered to a receiver on 127.0.0.1 that checks every
 * signature: validation, ownership, delivery in order, dead letters and their redelivery.
 */
@SpringBootTest(classes = QuerySideTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookApiTest {

    static final String SECRET = "s3cret-of-the-integrator";
    static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    private static EventLog log;
    private IntegratorHttp http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ViewStoreProperties.fresh().forEach((name, value) -> registry.add(name, () -> value));
        IntegratorHttp.register(registry);
        registry.add("ikz.webhooks.max-attempts", () -> "3");
        registry.add("ikz.webhooks.backoff-base", () -> "20ms");
        registry.add("ikz.webhooks.backoff-max", () -> "40ms");
        registry.add("ikz.webhooks.poll-interval", () -> "50ms");
        registry.add("ikz.webhooks.connect-timeout", () -> "1s");
        registry.add("ikz.webhooks.read-timeout", () -> "2s");
        registry.add("ikz.webhooks.lease", () -> "5s");
    }

    @BeforeEach
    void connect() {
        http = new IntegratorHttp(port);
        if (log == null) {
            log = new EventLog(eventStore);
        }
    }

    @Test
    void aSubscriptionWithAWrongUrlTypeOrSecretIsRefusedNamingEveryOffendingField() {
        IntegratorHttp.Answer wrong = http.post(
                "/api/webhooks",
                "{\"url\":\"ftp://127.0.0.1/hook\",\"types\":[\"PartnerRegistered\",\"PartnerDeleted\"],"
                        + "\"secret\":\"" + SECRET + "\"}",
                IntegratorHttp.INTEGRATOR);
        IntegratorHttp.Answer shortSecret = http.post(
                "/api/webhooks",
                "{\"url\":\"https://receiver.example/hook\",\"types\":[\"PartnerRegistered\"],\"secret\":\"short\"}",
                IntegratorHttp.INTEGRATOR);
        IntegratorHttp.Answer credentials = http.post(
                "/api/webhooks",
                "{\"url\":\"https://user:pw@receiver.example/hook\",\"types\":[\"PartnerRegistered\"],"
                        + "\"secret\":\"" + SECRET + "\"}",
                IntegratorHttp.INTEGRATOR);
        IntegratorHttp.Answer noTypes = http.post(
                "/api/webhooks",
                "{\"url\":\"https://receiver.example/hook\",\"types\":[],\"secret\":\"" + SECRET + "\"}",
                IntegratorHttp.INTEGRATOR);

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("INVALID_REQUEST");
        assertThat(fields(wrong)).containsExactly("url", "types[1]");
        assertThat(fields(shortSecret)).containsExactly("secret");
        assertThat(fields(credentials)).containsExactly("url");
        assertThat(fields(noTypes)).containsExactly("types");
        assertThat(shortSecret.toString()).doesNotContain("short\"");
    }

    @Test
    void aSubscriptionIsCreatedAnsweredWithoutItsSecretSeenOnlyByItsOwnerAndAnAdminAndDeleted() {
        IntegratorHttp.Answer created = subscribe("https://receiver.example/hook", "[\"PartnerRegistered\"]", null);
        String id = created.json().path("id").asText();

        IntegratorHttp.Answer own = http.get("/api/webhooks/" + id, IntegratorHttp.INTEGRATOR);
        IntegratorHttp.Answer list = http.get("/api/webhooks", IntegratorHttp.INTEGRATOR);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/webhooks/" + id);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("url").asText()).isEqualTo("https://receiver.example/hook");
        assertThat(own.json().path("createdBy").asText()).isEqualTo("integrator");
        assertThat(own.toString()).doesNotContain(SECRET).doesNotContain("secret");
        assertThat(list.toString()).contains(id).doesNotContain(SECRET);
        assertThat(http.get("/api/webhooks/" + id, IntegratorHttp.OTHER_INTEGRATOR)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/webhooks/" + id + "/deliveries", IntegratorHttp.OTHER_INTEGRATOR)
                        .status())
                .isEqualTo(404);
        assertThat(http.delete("/api/webhooks/" + id, IntegratorHttp.OTHER_INTEGRATOR)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/webhooks", IntegratorHttp.OTHER_INTEGRATOR).toString())
                .doesNotContain(id);
        assertThat(http.get("/api/webhooks/" + id, IntegratorHttp.ADMIN).status())
                .isEqualTo(200);

        assertThat(http.delete("/api/webhooks/" + id, IntegratorHttp.INTEGRATOR).status())
                .isEqualTo(204);
        assertThat(http.get("/api/webhooks/" + id, IntegratorHttp.INTEGRATOR).code())
                .isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(http.delete("/api/webhooks/" + id, IntegratorHttp.INTEGRATOR).status())
                .isEqualTo(404);
    }

    @Test
    void eventsArriveSignedAndInOrderAFailingOneIsParkedAsDeadLetterAndCanBeRedelivered() throws Exception {
        try (Receiver receiver = new Receiver(SECRET)) {
            String good = unique();
            String bad = unique();
            String late = unique();
            receiver.refusing = envelope ->
                    bad.equals(envelope.path("payload").path("partnerId").asText());
            String id = subscribe(receiver.url(), "[\"PartnerRegistered\"]", null)
                    .json()
                    .path("id")
                    .asText();

            long first = log.append(StreamEvent.of(registered(good)));
            long refused = log.append(StreamEvent.of(registered(bad)));
            log.append(StreamEvent.of(new PartnerRenamed(good, "nicht abonniert")));
            long third = log.append(StreamEvent.of(registered(late)));

            await(() -> receiver.acceptedPositions().contains(third));
            // the cursor moves once the worker has recorded the receiver's answer, a moment later
            await(() -> http.get("/api/webhooks/" + id + "/deliveries", IntegratorHttp.INTEGRATOR)
                            .json()
                            .path("cursor")
                            .asLong()
                    >= third);
            JsonNode deliveries = http.get("/api/webhooks/" + id + "/deliveries", IntegratorHttp.INTEGRATOR)
                    .json();
            JsonNode dead = item(deliveries, refused);

            List<Long> arrived = receiver.received.stream()
                    .map(r -> r.envelope().path("position").asLong())
                    .toList();
            assertThat(arrived).containsExactly(first, refused, refused, refused, third);
            assertThat(receiver.badSignatures).isEmpty();
            assertThat(deliveries.path("cursor").asLong()).isGreaterThanOrEqualTo(third);
            assertThat(dead.path("status").asText()).isEqualTo("DEAD_LETTER");
            assertThat(dead.path("deadLetter").asBoolean()).isTrue();
            assertThat(dead.path("attempts").asInt()).isEqualTo(3);
            assertThat(dead.path("lastStatus").asInt()).isEqualTo(500);
            assertThat(dead.path("lastError").asText()).contains("500");
            assertThat(item(deliveries, first).path("status").asText()).isEqualTo("DELIVERED");
            assertThat(http.get("/api/webhooks/" + id, IntegratorHttp.INTEGRATOR)
                            .json()
                            .path("deadLetters")
                            .asLong())
                    .isEqualTo(1);

            receiver.refusing = envelope -> false;
            String deliveryId = dead.path("deliveryId").asText();
            IntegratorHttp.Answer redelivery = http.post(
                    "/api/webhooks/" + id + "/deliveries/" + deliveryId + "/redelivery", "", IntegratorHttp.INTEGRATOR);
            assertThat(redelivery.status()).isEqualTo(202);
            assertThat(redelivery.json().path("redelivery").asBoolean()).isTrue();

            await(() -> receiver.acceptedPositions().contains(refused));
            JsonNode again = item(
                    http.get("/api/webhooks/" + id + "/deliveries?status=DELIVERED", IntegratorHttp.INTEGRATOR)
                            .json(),
                    refused);
            assertThat(again.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(again.path("deadLetter").asBoolean()).isFalse();
            assertThat(receiver.received.get(receiver.received.size() - 1).deliveryId())
                    .isEqualTo(deliveryId);
            assertThat(http.post(
                                    "/api/webhooks/" + id + "/deliveries/" + id + "-999999/redelivery",
                                    "",
                                    IntegratorHttp.INTEGRATOR)
                            .status())
                    .isEqualTo(404);
            http.delete("/api/webhooks/" + id, IntegratorHttp.INTEGRATOR);
        }
    }

    @Test
    void aManagerIsForbiddenAndAnAnonymousCallerUnauthenticated() {
        String body = "{\"url\":\"https://receiver.example/hook\",\"types\":[\"PartnerRegistered\"],\"secret\":\""
                + SECRET + "\"}";
        assertThat(http.post("/api/webhooks", body, IntegratorHttp.MANAGER).status())
                .isEqualTo(403);
        assertThat(http.post("/api/webhooks", body, null).status()).isEqualTo(401);
        assertThat(http.get("/api/webhooks/x/deliveries", IntegratorHttp.MANAGER)
                        .status())
                .isEqualTo(403);
        assertThat(http.delete("/api/webhooks/x", null).status()).isEqualTo(401);
    }

    private IntegratorHttp.Answer subscribe(String url, String types, String partnerId) {
        return http.post(
                "/api/webhooks",
                "{\"url\":\"" + url + "\",\"types\":" + types
                        + (partnerId == null ? "" : ",\"partnerId\":\"" + partnerId + "\"") + ",\"secret\":\"" + SECRET
                        + "\"}",
                IntegratorHttp.INTEGRATOR);
    }

    private static JsonNode item(JsonNode deliveries, long position) {
        for (JsonNode item : deliveries.path("items")) {
            if (item.path("position").asLong() == position) {
                return item;
            }
        }
        throw new AssertionError("no delivery of position " + position + " in " + deliveries);
    }

    private static List<String> fields(IntegratorHttp.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        answer.json()
                .path("errors")
                .forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("within " + WAIT).isTrue();
    }

    private static String unique() {
        return "w" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static PartnerRegistered registered(String id) {
        return new PartnerRegistered(id, "Partner " + id, PartnerKind.ASSOCIATION, null, null);
    }
}

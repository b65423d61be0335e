package de.ikz.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Health probes and metrics of the whole service, over real HTTP. */
@AutoConfigureObservability(tracing = false) // tests switch metrics export off unless asked
@SpringBootTest(classes = IkzLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTest {

    static final String ADMIN = "ops-admin:ops-admin-test";
    static final String MANAGER = "ops-manager:ops-manager-test";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("ikz.data-dir", dataDir::toString);
        registry.add("server.address", () -> "127.0.0.1");
        String[][] accounts = {{"ops-admin", "ADMIN"}, {"ops-manager", "MANAGER"}};
        for (int i = 0; i < accounts.length; i++) {
            String[] account = accounts[i];
            registry.add("ikz.security.accounts[" + i + "].username", () -> account[0]);
            registry.add("ikz.security.accounts[" + i + "].password", () -> "{noop}" + account[0] + "-test");
            registry.add("ikz.security.accounts[" + i + "].role", () -> account[1]);
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void prometheusShowsHttpAndAxonMetricsOfAHandledCommand() throws Exception {
        HttpResponse<String> registered = send(
                "POST",
                "/api/partners",
                ADMIN,
                "{\"id\":\"homburg\",\"name\":\"Kreisstadt Homburg\",\"kind\":\"MUNICIPALITY\"}");
        assertThat(registered.statusCode()).isEqualTo(201);
        // the views have processed the event once the query with the write's token answers
        String token = registered.headers().firstValue("X-Consistency-Token").orElseThrow();
        assertThat(send("GET", "/api/partners/homburg", ADMIN, null, "X-Consistency-Token", token)
                        .statusCode())
                .isEqualTo(200);

        List<String> lines = awaitMetric("eventProcessor_");

        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("http_server_requests_seconds_count{")
                        .contains("method=\"POST\"")
                        .contains("uri=\"/api/partners\"")
                        .contains("status=\"201\""));
        // Axon's command bus counted the command, tagged with its name
        assertThat(lines)
                .anySatisfy(
                        line -> assertThat(line).startsWith("commandBus_").contains("payloadType=\"RegisterPartner\""));
        // and the view processors, tagged with the processor
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("eventProcessor_")
                        .contains("processorName=\"partners\"")
                        .contains("payloadType=\"PartnerRegistered\""));
    }

    private List<String> awaitMetric(String prefix) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            HttpResponse<String> metrics = send("GET", "/actuator/prometheus", ADMIN, null);
            assertThat(metrics.statusCode()).isEqualTo(200);
            List<String> lines = metrics.body().lines().toList();
            if (Instant.now().isAfter(deadline) || lines.stream().anyMatch(line -> line.startsWith(prefix))) {
                return lines;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void metricsAreForAdminAccountsOnly() throws Exception {
        assertThat(send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/prometheus", MANAGER, null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void probesArePublicAndReadinessCoversEventStoreProcessorsAndViews() throws Exception {
        HttpResponse<String> liveness = send("GET", "/actuator/health/liveness", null, null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(json.readTree(liveness.body()).at("/status").asText()).isEqualTo("UP");

        JsonNode readiness = awaitReady();
        assertThat(readiness.at("/components").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("readinessState", "eventStore", "eventProcessors", "mongo");
        readiness
                .at("/components")
                .forEach(component ->
                        assertThat(component.at("/status").asText()).isEqualTo("UP"));
        assertThat(readiness.at("/components/eventProcessors/details/maxLag").asLong())
                .isEqualTo(10_000);

        JsonNode anonymous = json.readTree(
                send("GET", "/actuator/health/readiness", null, null).body());
        assertThat(anonymous.has("components")).isFalse();
    }

    private JsonNode awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            HttpResponse<String> response = send("GET", "/actuator/health/readiness", ADMIN, null);
            if (response.statusCode() == 200 || Instant.now().isAfter(deadline)) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                return json.readTree(response.body());
            }
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> send(String method, String path, String account, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (account != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(account.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

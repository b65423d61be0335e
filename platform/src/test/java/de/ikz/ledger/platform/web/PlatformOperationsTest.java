package de.ikz.ledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.platform.PlatformConfiguration;
import de.ikz.ledger.platform.operations.ReplayReadiness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The platform's API documentation, health and metrics in a minimal application of one controller. */
@AutoConfigureObservability(tracing = false) // tests switch metrics export off unless asked
@SpringBootTest(
        classes = PlatformOperationsTest.MinimalApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PlatformOperationsTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("ikz.data-dir", dataDir::toString);
        String[][] accounts = {{"admin", "ADMIN"}, {"manager", "MANAGER"}};
        for (int i = 0; i < accounts.length; i++) {
            String[] account = accounts[i];
            registry.add("ikz.security.accounts[" + i + "].username", () -> account[0]);
            registry.add("ikz.security.accounts[" + i + "].password", () -> "{noop}" + account[0] + "-test");
            registry.add("ikz.security.accounts[" + i + "].role", () -> account[1]);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ReplayReadiness replays;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theApiDescriptionIsPublicAndDocumentsSecurityAndEveryProblemCode() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode api = json.readTree(response.body());

        assertThat(api.at("/info/title").asText()).isEqualTo("IKZ ledger API");
        assertThat(api.at("/info/version").asText()).isNotBlank().doesNotContain("@");
        assertThat(api.at("/components/securitySchemes/basicAuth/scheme").asText())
                .isEqualTo("basic");
        assertThat(api.at("/components/securitySchemes/bearerJwt/scheme").asText())
                .isEqualTo("bearer");
        assertThat(api.at("/components/securitySchemes/bearerJwt/bearerFormat").asText())
                .isEqualTo("JWT");
        assertThat(api.at("/security/0").has("basicAuth")).isTrue();

        List<String> codes = new ArrayList<>();
        api.at("/components/schemas/ErrorCode/enum").forEach(code -> codes.add(code.asText()));
        assertThat(codes)
                .containsExactlyElementsOf(
                        Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList());
        assertThat(api.at("/components/schemas/Problem/properties/code/$ref").asText())
                .isEqualTo("#/components/schemas/ErrorCode");

        JsonNode command = api.at("/paths/~1api~1things/post/responses");
        for (String status : List.of("400", "401", "403", "404", "409", "413", "415", "422")) {
            assertThat(command.at("/" + status + "/content/application~1problem+json/schema/$ref")
                            .asText())
                    .as("problem response %s", status)
                    .isEqualTo("#/components/schemas/Problem");
        }
        assertThat(command.at("/409/description").asText()).contains("PARTNER_ALREADY_EXISTS");
        JsonNode query = api.at("/paths/~1api~1things~1{id}/get/responses");
        assertThat(query.has("404")).isTrue();
        assertThat(query.has("409")).isFalse();
        // only the API is described, not the actuator
        api.at("/paths").fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/"));
    }

    @Test
    void swaggerUiIsPublic() throws Exception {
        HttpResponse<String> redirect = get("/swagger-ui.html", null);
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/swagger-ui/index.html");

        HttpResponse<String> page = get(URI.create(location).getPath(), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    @Test
    void probesArePublicAndShowDetailsOnlyToAdmins() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness", null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(json.readTree(liveness.body()).at("/status").asText()).isEqualTo("UP");

        HttpResponse<String> anonymous = get("/actuator/health/readiness", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(json.readTree(anonymous.body()).has("components")).isFalse();

        JsonNode forAdmin =
                json.readTree(get("/actuator/health/readiness", "admin").body());
        assertThat(forAdmin.at("/components").fieldNames())
                .toIterable()
                .contains("readinessState", "eventStore", "eventProcessors")
                .doesNotContain("mongo", "livenessState", "diskSpace");
        assertThat(forAdmin.at("/components/eventStore/details/headPosition").isNumber())
                .isTrue();

        JsonNode forManager =
                json.readTree(get("/actuator/health/readiness", "manager").body());
        assertThat(forManager.has("components")).isFalse();
    }

    @Test
    void aReplayTakesTheServiceOutOfReadinessButNotOutOfLiveness() throws Exception {
        replays.begin("replay-test");
        try {
            assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
            assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        } finally {
            replays.end("replay-test");
        }
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsNeedAnAdminAccount() throws Exception {
        get("/api/things/one", "manager");

        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "manager").statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = get("/actuator/prometheus", "admin");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count{");
        assertThat(get("/actuator/env", "admin").statusCode()).isEqualTo(404);
    }

    @Test
    void logLinesOfARequestCarryItsCorrelationIdAndOthersNone(CapturedOutput output) throws Exception {
        HttpResponse<String> found = get("/api/things/gauge", "manager", "X-Correlation-Id", "trace-me-42");
        assertThat(found.statusCode()).isEqualTo(200);

        assertThat(output.getOut().lines().filter(line -> line.contains("finding thing gauge")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains(" [trace-me-42] "));
        assertThat(output.getOut()).doesNotContain(" [] ");
    }

    private HttpResponse<String> get(String path, String account, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (account != null) {
            String credentials = account + ":" + account + "-test";
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({PlatformConfiguration.class, ThingsController.class})
    static class MinimalApp {
        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }
    }

    @RestController
    static class ThingsController {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ThingsController.class);

        @GetMapping("/api/things/{id}")
        Map<String, String> find(@PathVariable String id) {
            log.info("finding thing {}", id);
            return Map.of("id", id);
        }

        @PostMapping(path = "/api/things", consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> create(@RequestBody Map<String, String> thing) {
            return thing;
        }
    }
}

package de.ikz.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ikz.ledger.api.ErrorCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OpenAPI description the running service publishes ({@code /v3/api-docs}) names every
 * endpoint of the contract (SPEC section 5) that the service serves, and none that it does not.
 */
@SpringBootTest(classes = IkzLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiContractTest {

    /** Every endpoint of the contract's command and query tables, as "METHOD path". */
    static final List<String> CONTRACT = List.of(
            // commands
            "POST /api/partners",
            "PATCH /api/partners/{id}",
            "POST /api/agreements",
            "POST /api/agreements/{id}/parties",
            "POST /api/agreements/{id}/signatures",
            "PATCH /api/agreements/{id}",
            "POST /api/agreements/{id}/termination",
            "POST /api/agreements/{id}/delegations",
            "POST /api/agreements/{id}/delegations/{delegationId}/start",
            "POST /api/agreements/{id}/delegations/{delegationId}/suspension",
            "POST /api/agreements/{id}/delegations/{delegationId}/resumption",
            "POST /api/agreements/{id}/delegations/{delegationId}/end",
            "POST /api/agreements/{id}/delegations/{delegationId}/cost-entries",
            "POST /api/agreements/{id}/cost-entries/{entryId}/reversal",
            // queries
            "GET /api/partners",
            "GET /api/partners/{id}",
            "GET /api/partners/{id}/services",
            "GET /api/partners/{id}/savings",
            "GET /api/savings",
            "GET /api/service-matrix",
            "GET /api/agreements",
            "GET /api/agreements/{id}",
            "GET /api/events",
            "GET /api/events/stream",
            "POST /api/webhooks",
            "GET /api/webhooks/{id}/deliveries",
            "DELETE /api/webhooks/{id}");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("ikz.data-dir", dataDir::toString);
        registry.add("server.address", () -> "127.0.0.1");
    }

    @LocalServerPort
    int port;

    private JsonNode api;

    @BeforeEach
    void fetchTheDescription() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("/v3/api-docs without credentials").isEqualTo(200);
        api = new ObjectMapper().readTree(response.body());
    }

    @Test
    void everyServedEndpointOfTheContractIsDescribed() {
        Set<String> described = describedEndpoints();

        List<String> missing = new ArrayList<>();
        for (String endpoint : CONTRACT) {
            if (!described.contains(normalized(endpoint))) {
                missing.add(endpoint);
            }
        }

        assertThat(missing).as("contract endpoints missing from /v3/api-docs").isEmpty();
    }

    @Test
    void everyOperationDescribesItsProblemsWithTheirStableCodes() {
        List<String> codes = new ArrayList<>();
        api.at("/components/schemas/ErrorCode/enum").forEach(code -> codes.add(code.asText()));
        assertThat(codes)
                .containsExactlyElementsOf(
                        Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList());

        api.at("/paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    String method = operation.getKey().toUpperCase(Locale.ROOT);
                    JsonNode responses = operation.getValue().at("/responses");
                    List<String> statuses = new ArrayList<>(List.of("400", "401", "403", "404"));
                    if (method.equals("POST") || method.equals("PATCH")) {
                        statuses.addAll(List.of("409", "413", "415", "422"));
                    }
                    for (String status : statuses) {
                        assertThat(responses
                                        .at("/" + status + "/content/application~1problem+json/schema/$ref")
                                        .asText())
                                .as("%s %s answers %s with a problem", method, path.getKey(), status)
                                .isEqualTo("#/components/schemas/Problem");
                    }
                }));
    }

    @Test
    void theDescriptionNamesTheServiceAndItsAuthentication() {
        assertThat(api.at("/info/title").asText()).isEqualTo("IKZ ledger API");
        assertThat(api.at("/components/securitySchemes/basicAuth/scheme").asText())
                .isEqualTo("basic");
        assertThat(api.at("/components/securitySchemes/bearerJwt/bearerFormat").asText())
                .isEqualTo("JWT");
    }

    private Set<String> describedEndpoints() {
        Set<String> described = new TreeSet<>();
        api.at("/paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method ->
                                described.add(normalized(method.toUpperCase(Locale.ROOT) + " " + path.getKey()))));
        return described;
    }

    /** Path variables are compared by position, not by name. */
    private static String normalized(String endpoint) {
        return endpoint.replaceAll("\\{[^}]*}", "{}");
    }
}

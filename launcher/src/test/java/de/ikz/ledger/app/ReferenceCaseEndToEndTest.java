package de.ikz.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.command.http.HttpApi;
import de.ikz.ledger.command.http.HttpApi.Reply;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's walk-through, end to end: the whole service in one JVM with its local default
 * accounts, the reference case loaded by the documented script over real HTTP, and the answers
 * read back from the query side.
 */
@SpringBootTest(classes = IkzLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceCaseEndToEndTest {

    static final String MANAGER = "manager:manager-local";
    static final String DISTRICT = "saarpfalz-kreis:saarpfalz-kreis-local";

    @TempDir
    static Path dataDir;

    private static boolean loaded;

    @LocalServerPort
    int port;

    HttpApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ikz.data-dir", dataDir::toString);
    }

    @BeforeEach
    void loadTheReferenceCaseWithTheDocumentedScript() throws Exception {
        api = new HttpApi(port);
        if (!loaded) {
            ReferenceCaseScript.Result run = ReferenceCaseScript.run(port);
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("Loaded: 23 requests");
            loaded = true;
        }
    }

    @Test
    @Order(1)
    void theDistrictReceivesThreeRunningServicesAndOnePlanned() {
        JsonNode services = await(
                "/api/partners/saarpfalz-kreis/services",
                MANAGER,
                json -> json.path("received").size() == 4);

        List<String> statuses = new ArrayList<>();
        services.path("received")
                .forEach(item -> statuses.add(item.path("status").asText()));
        assertThat(statuses).containsExactlyInAnyOrder("ACTIVE", "ACTIVE", "ACTIVE", "PLANNED");
        assertThat(services.path("provided").size()).isZero();
    }

    @Test
    @Order(2)
    void theCityProvidesThemThroughItsOperatingUnits() {
        JsonNode services = await(
                "/api/partners/saarbruecken/services",
                MANAGER,
                json -> json.path("provided").size() == 4);

        List<String> providers = new ArrayList<>();
        services.path("provided")
                .forEach(item -> providers.add(item.path("providerId").asText()));
        assertThat(providers).containsOnly("iks", "tsc-saarbruecken").contains("iks", "tsc-saarbruecken");
        JsonNode iks = api.as(MANAGER).get("/api/partners/iks/services").json();
        assertThat(iks.path("provided").size()).isEqualTo(3);
    }

    @Test
    @Order(3)
    void savingsIn2014AddUpTo15000AndEveryTotalIsTheSumOfItsParts() {
        JsonNode totals = await(
                "/api/savings?fiscalYear=2014",
                MANAGER,
                json -> "15000.00".equals(json.path("total").path("savings").asText()));

        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode partner : totals.path("partners")) {
            sum = sum.add(new BigDecimal(partner.path("savings").asText()));
        }
        assertThat(sum).isEqualByComparingTo("15000.00");
        assertThat(totals.path("currency").asText()).isEqualTo("EUR");

        JsonNode district = api.as(MANAGER)
                .get("/api/partners/saarpfalz-kreis/savings?fiscalYear=2014")
                .json();
        assertThat(district.path("total").path("savings").asText()).isEqualTo("9500.00");
        BigDecimal services = BigDecimal.ZERO;
        for (JsonNode service : district.path("years").get(0).path("services")) {
            services = services.add(new BigDecimal(service.path("savings").asText()));
        }
        assertThat(services).isEqualByComparingTo("9500.00");
    }

    @Test
    @Order(4)
    void aReversalShowsAtOnceToAClientThatSendsTheConsistencyToken() {
        Reply reversal = api.as(DISTRICT)
                .post(
                        "/api/agreements/it-kooperation-2014/cost-entries/speicher-2014-kreis-baseline/reversal",
                        "{\"reason\":\"Doppelt erfasst\"}");
        assertThat(reversal.status()).as(reversal.toString()).isEqualTo(204);

        Reply savings = api.as(MANAGER)
                .header("X-Consistency-Token", reversal.header("X-Consistency-Token"))
                .get("/api/savings?fiscalYear=2014");

        // the district's data-store baseline of 7000.00 no longer counts: 15000.00 - 7000.00
        assertThat(savings.json().path("total").path("savings").asText()).isEqualTo("8000.00");
    }

    @Test
    @Order(5)
    void loadingTheReferenceCaseTwiceChangesNothing() throws Exception {
        ReferenceCaseScript.Result again = ReferenceCaseScript.run(port);

        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("loaded already");
    }

    private JsonNode await(String path, String account, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        Reply reply = api.as(account).get(path);
        while (!(reply.status() == 200 && done.test(reply.json()))
                && Instant.now().isBefore(deadline)) {
            sleep();
            reply = api.as(account).get(path);
        }
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(done.test(reply.json())).as(reply.toString()).isTrue();
        return reply.json();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

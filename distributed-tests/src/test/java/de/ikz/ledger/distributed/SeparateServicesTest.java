package de.ikz.ledger.distributed;

import static de.ikz.ledger.distributed.support.Ledger.ADMIN;
import static de.ikz.ledger.distributed.support.Ledger.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.command.http.HttpApi;
import de.ikz.ledger.command.http.HttpApi.Reply;
import de.ikz.ledger.distributed.support.Ledger;
import de.ikz.ledger.distributed.support.ReferenceCaseCommands;
import de.ikz.ledger.distributed.support.ServiceProcess;
import de.ikz.ledger.distributed.support.ServiceProcess.Side;
import de.ikz.ledger.distributed.support.SharedStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed deployment in its JDBC variant, as far as it runs on one machine without
 * containers: the command side and the query side as separate JVM processes, configured only
 * through environment variables, sharing an event store served by an H2 TCP server and a
 * MongoDB-wire server for the views.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SeparateServicesTest {

    @TempDir
    static Path work;

    static SharedStores stores;
    static ServiceProcess commandSide;
    static ServiceProcess querySide;
    static HttpApi commands;
    static HttpApi queries;
    static String lastWrite;
    static Set<String> tablesOfTheCommandSide;

    @BeforeAll
    static void startBothSidesAndRecordTheReferenceCase() throws Exception {
        stores = SharedStores.start(Files.createDirectories(work.resolve("stores")));
        // the command side owns the event store and creates its tables: it starts first
        commandSide = ServiceProcess.start(
                        "command-side", Side.COMMAND, Ledger.commandSide(stores, work.resolve("command")), work)
                .awaitReady(Ledger.START_TIMEOUT);
        tablesOfTheCommandSide = Ledger.tables(stores);
        querySide = ServiceProcess.start(
                        "query-side", Side.QUERY, Ledger.querySide(stores, work.resolve("query")), work)
                .awaitReady(Ledger.START_TIMEOUT);
        commands = new HttpApi(commandSide.port());
        queries = new HttpApi(querySide.port());
        lastWrite = new ReferenceCaseCommands(commands, ADMIN).load();
    }

    @AfterAll
    static void stopEverything() {
        try (SharedStores s = stores;
                ServiceProcess c = commandSide;
                ServiceProcess q = querySide) {
            // closed in reverse order: query side, command side, then the stores
        }
    }

    @Test
    void whatTheCommandSideRecordsTheQuerySideAnswers() {
        JsonNode savings = Ledger.awaitView(
                queries,
                "/api/savings?fiscalYear=2014",
                json -> "15000.00".equals(Ledger.totalSavings(json)),
                Duration.ofSeconds(60));

        assertThat(savings.path("fiscalYear").asInt()).isEqualTo(2014);
        Map<String, String> byPartner = new java.util.HashMap<>();
        savings.path("partners")
                .forEach(p -> byPartner.put(
                        p.path("partnerId").asText(), p.path("savings").asText()));
        assertThat(byPartner).containsEntry("saarpfalz-kreis", "9500.00").containsEntry("saarbruecken", "5500.00");
        JsonNode agreement = queries.as(MANAGER)
                .get("/api/agreements/" + ReferenceCaseCommands.AGREEMENT)
                .json();
        assertThat(agreement.path("status").asText()).isEqualTo("IN_FORCE");
    }

    @Test
    void theConsistencyTokenOfTheCommandSideHoldsOnTheQuerySide() {
        Reply reply =
                queries.as(MANAGER).header("X-Consistency-Token", lastWrite).get("/api/savings?fiscalYear=2014");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("X-Consistency-Reached")).isEqualTo("true");
        assertThat(Ledger.totalSavings(reply.json())).isEqualTo("15000.00");
    }

    @Test
    void aRefusedCommandKeepsItsCodeAndStatus() {
        Reply twice = commands.as(ADMIN)
                .post(
                        "/api/agreements/" + ReferenceCaseCommands.AGREEMENT + "/signatures",
                        "{\"partnerId\":\"saarpfalz-kreis\",\"signatoryName\":\"Clemens Lindemann\","
                                + "\"signatoryRole\":\"Landrat\",\"signedOn\":\"2014-05-22\"}");
        Reply again = commands.as(ADMIN)
                .post(
                        "/api/partners",
                        "{\"id\":\"iks\",\"name\":\"IKS\",\"kind\":\"OPERATING_UNIT\",\"parentId\":\"saarbruecken\"}");

        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("AGREEMENT_ALREADY_SIGNED_BY_PARTY");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PARTNER_ALREADY_EXISTS");
    }

    @Test
    void theQuerySideKeepsItsTokensInMongoDbAndLeavesTheEventStoreAsTheCommandSideMadeIt() {
        Ledger.awaitView(
                queries,
                "/api/savings?fiscalYear=2014",
                json -> "15000.00".equals(Ledger.totalSavings(json)),
                Duration.ofSeconds(60));

        Map<String, Map<Integer, String>> owners = Ledger.segmentOwners(stores);
        assertThat(owners).containsOnlyKeys("partners", "agreements");
        owners.values()
                .forEach(segments -> assertThat(segments)
                        .containsOnlyKeys(0, 1, 2, 3)
                        .allSatisfy((segment, owner) -> assertThat(owner).startsWith(querySide.pid() + "@")));
        assertThat(Ledger.rows(stores, "TokenEntry")).isZero();
        assertThat(Ledger.tables(stores)).isEqualTo(tablesOfTheCommandSide);
        assertThat(Ledger.rows(stores, "DomainEventEntry")).isGreaterThanOrEqualTo(23);
    }

    @Test
    void eachSideServesItsOwnHalfOfTheApi() {
        assertThat(commands.as(MANAGER).get("/api/savings?fiscalYear=2014").status())
                .isIn(404, 405);
        assertThat(queries.as(ADMIN)
                        .post("/api/partners", "{\"id\":\"homburg\",\"name\":\"Homburg\",\"kind\":\"MUNICIPALITY\"}")
                        .status())
                .isIn(404, 405);
    }
}

package de.ikz.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ikz.ledger.command.http.HttpApi;
import de.ikz.ledger.command.http.HttpApi.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What auditors rely on, end to end: the history with its actors, views as they were recorded at
 * an instant and as things stood on a business date, the audit log in JSON and CSV, verification of
 * chains and views, and a replay that leaves every view as it was.
 */
@SpringBootTest(classes = IkzLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditorsEndToEndTest {

    static final String AUDITOR = "auditor:auditor-local";
    static final String ADMIN = "admin:admin-local";
    static final String CITY = "saarbruecken:saarbruecken-local";
    static final String DISTRICT = "saarpfalz-kreis:saarpfalz-kreis-local";
    static final String AGREEMENT = "/api/agreements/it-kooperation-2014";

    @TempDir
    static Path dataDir;

    static Instant beforeReversal;
    static String lastToken;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    HttpApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ikz.data-dir", dataDir::toString);
    }

    @BeforeEach
    void referenceCaseWithAReversalAnAmendmentAndASuspension() throws Exception {
        api = new HttpApi(port);
        if (beforeReversal != null) {
            return;
        }
        ReferenceCaseScript.load(port);
        Thread.sleep(20);
        beforeReversal = Instant.now();
        Thread.sleep(20);
        expect204(api.as(DISTRICT)
                .post(
                        AGREEMENT + "/cost-entries/speicher-2014-kreis-baseline/reversal",
                        "{\"reason\":\"Doppelt erfasst\"}"));
        expect204(api.as(CITY).patch(AGREEMENT, "{\"validUntil\":\"2019-12-31\",\"reason\":\"Befristung\"}"));
        Reply suspension = api.as(ADMIN)
                .post(
                        AGREEMENT + "/delegations/wohngeld/suspension",
                        "{\"on\":\"2015-01-01\",\"reason\":\"Umstellung\"}");
        expect204(suspension);
        lastToken = suspension.header("X-Consistency-Token");
    }

    private static void expect204(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
    }

    private JsonNode read(String path) {
        Reply reply = api.as(AUDITOR).header("X-Consistency-Token", lastToken).get(path);
        assertThat(reply.status()).as(path + " -> " + reply).isEqualTo(200);
        return reply.json();
    }

    @Test
    @Order(1)
    void theHistoryShowsEveryChangeWithItsActorInStreamOrder() {
        JsonNode history = read(AGREEMENT + "/history");

        List<String> rows = new ArrayList<>();
        long previous = -1;
        for (JsonNode event : history.path("events")) {
            rows.add(event.path("type").asText() + " by "
                    + event.path("metadata").path("actor").asText());
            assertThat(event.path("sequence").asLong()).isEqualTo(rows.size() - 1);
            assertThat(event.path("position").asLong()).isGreaterThan(previous);
            previous = event.path("position").asLong();
            assertThat(event.path("recordedAt").asText()).isNotBlank();
            assertThat(event.path("metadata").path("correlationId").asText()).isNotBlank();
        }
        assertThat(rows)
                .startsWith("AgreementDrafted by admin", "AgreementSigned by saarbruecken")
                .contains(
                        "AgreementSigned by saarpfalz-kreis",
                        "AgreementConcluded by saarpfalz-kreis",
                        "CostEntryReversed by saarpfalz-kreis",
                        "AgreementAmended by saarbruecken")
                .endsWith("DelegationSuspended by admin");
        assertThat(history.path("agreementId").asText()).isEqualTo("it-kooperation-2014");
        JsonNode before = read(AGREEMENT + "/history?asOf=" + beforeReversal);
        assertThat(before.path("events")).hasSize(rows.size() - 3);
    }

    @Test
    @Order(2)
    void asOfAnInstantBeforeTheReversalTheSavingsAreThoseBeforeIt() {
        String before = "&asOf=" + beforeReversal;

        assertThat(read("/api/savings?fiscalYear=2014")
                        .path("total")
                        .path("savings")
                        .asText())
                .isEqualTo("8000.00");
        assertThat(read("/api/savings?fiscalYear=2014" + before)
                        .path("total")
                        .path("savings")
                        .asText())
                .isEqualTo("15000.00");
        assertThat(read("/api/partners/saarpfalz-kreis/savings?fiscalYear=2014" + before)
                        .path("total")
                        .path("savings")
                        .asText())
                .isEqualTo("9500.00");
        assertThat(read(AGREEMENT + "?asOf=" + beforeReversal)
                        .path("validUntil")
                        .isNull())
                .isTrue();
        assertThat(read(AGREEMENT).path("validUntil").asText()).isEqualTo("2019-12-31");
    }

    @Test
    @Order(3)
    void onABusinessDateThe115ServiceRunsAndTheDataStoreNotYet() {
        JsonNode services = read("/api/partners/saarpfalz-kreis/services?on=2013-06-01");

        Map<String, String> status = new LinkedHashMap<>();
        services.path("received")
                .forEach(item -> status.put(
                        item.path("serviceCode").asText(), item.path("status").asText()));
        assertThat(status)
                .containsEntry("behoerdennummer-115", "ACTIVE")
                .containsEntry("wohngeld", "ACTIVE")
                .containsEntry("datenspeicher", "PLANNED")
                .containsEntry("datensicherung", "PLANNED");
        assertThat(read(AGREEMENT + "?on=2013-06-01").path("status").asText()).isEqualTo("DRAFT");
        assertThat(read(AGREEMENT + "?on=2015-06-01").path("status").asText()).isEqualTo("IN_FORCE");
        JsonNode wohngeld2015 =
                read("/api/partners/saarpfalz-kreis/services?on=2015-06-01").path("received");
        List<String> suspended = new ArrayList<>();
        wohngeld2015.forEach(item -> {
            if (item.path("status").asText().equals("SUSPENDED")) {
                suspended.add(item.path("serviceCode").asText());
            }
        });
        assertThat(suspended).containsExactly("wohngeld");
    }

    @Test
    @Order(4)
    void theAuditLogPagesThroughEveryEventOnceAndItsCsvMatchesItsJson() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = read("/api/audit/events?limit=7" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            page.path("items").forEach(all::add);
            cursor = page.path("next").isNull() ? "" : page.path("next").asText();
            pages++;
        } while (!cursor.isEmpty() && pages < 50);
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        assertThat(all).hasSize((int) stored);
        assertThat(all.stream().map(e -> e.path("position").asLong()).distinct())
                .hasSize((int) stored);

        JsonNode json = read("/api/audit/events?limit=1000");
        Reply csv = api.as(AUDITOR).header("Accept", "text/csv").get("/api/audit/events?limit=1000");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<List<String>> rows = Csv.parse(csv.body());
        assertThat(rows.get(0))
                .containsExactly(
                        "position",
                        "recordedAt",
                        "type",
                        "revision",
                        "aggregateId",
                        "sequence",
                        "eventId",
                        "actor",
                        "correlationId",
                        "command",
                        "payload");
        assertThat(rows).hasSize(json.path("items").size() + 1);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < json.path("items").size(); i++) {
            JsonNode item = json.path("items").get(i);
            List<String> row = rows.get(i + 1);
            assertThat(row.get(0)).isEqualTo(item.path("position").asText());
            assertThat(Instant.parse(row.get(1)))
                    .isEqualTo(Instant.parse(item.path("recordedAt").asText()));
            assertThat(row.get(2)).isEqualTo(item.path("type").asText());
            assertThat(row.get(4)).isEqualTo(item.path("aggregateId").asText());
            assertThat(row.get(7)).isEqualTo(item.path("metadata").path("actor").asText());
            assertThat(mapper.readTree(row.get(10))).isEqualTo(item.path("payload"));
        }

        JsonNode reversals = read("/api/audit/events?partnerId=saarpfalz-kreis&type=CostEntryReversed");
        assertThat(reversals.path("items")).hasSize(1);
        assertThat(api.as(AUDITOR).get("/api/audit/events?type=NoSuchEvent").code())
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    @Order(5)
    void aVerificationOfUntouchedDataFindsIntactChainsAndMatchingViews() {
        Reply reply = api.as(AUDITOR).post("/api/audit/verifications", "{}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode report = reply.json();
        assertThat(report.path("chainIntact").asBoolean()).as(reply.toString()).isTrue();
        assertThat(report.path("viewsMatchReplay").asBoolean())
                .as(reply.toString())
                .isTrue();
        assertThat(report.path("mismatches")).isEmpty();
        assertThat(report.path("eventsChecked").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class));
    }

    @Test
    @Order(6)
    void anAlteredPayloadIsReportedByTheVerification() {
        Map<String, Object> row = jdbc.queryForMap("SELECT globalIndex, eventIdentifier, payload FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = 'it-kooperation-2014' AND payloadType LIKE '%CostEntryRecorded'"
                + " ORDER BY globalIndex LIMIT 1");
        byte[] original = (byte[]) row.get("PAYLOAD");
        byte[] altered = new String(original, StandardCharsets.UTF_8)
                .replaceFirst("\"amount\":\"[0-9.]+\"", "\"amount\":\"1.00\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(altered).isNotEqualTo(original);
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", altered, row.get("GLOBALINDEX"));
        try {
            JsonNode report =
                    api.as(AUDITOR).post("/api/audit/verifications", "{}").json();

            assertThat(report.path("chainIntact").asBoolean()).isFalse();
            assertThat(report.path("firstBrokenEvent").path("eventId").asText()).isEqualTo(row.get("EVENTIDENTIFIER"));
            // the replay now folds the altered amount, which the views do not hold
            assertThat(report.path("viewsMatchReplay").asBoolean()).isFalse();
        } finally {
            jdbc.update(
                    "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", original, row.get("GLOBALINDEX"));
        }
    }

    @Test
    @Order(7)
    void aDeletedLastEventIsReportedByTheVerification() {
        Map<String, Object> last = jdbc.queryForMap(
                "SELECT * FROM DomainEventEntry WHERE aggregateIdentifier = 'tsc-saarbruecken' ORDER BY sequenceNumber DESC LIMIT 1");
        jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", last.get("GLOBALINDEX"));
        try {
            JsonNode report =
                    api.as(AUDITOR).post("/api/audit/verifications", "{}").json();

            assertThat(report.path("chainIntact").asBoolean()).isFalse();
            assertThat(report.path("firstBrokenEvent").path("aggregateId").asText())
                    .isEqualTo("tsc-saarbruecken");
        } finally {
            jdbc.update(
                    "INSERT INTO DomainEventEntry (" + String.join(", ", last.keySet()) + ") VALUES ("
                            + String.join(
                                    ", ", last.keySet().stream().map(c -> "?").toList()) + ")",
                    last.values().toArray());
        }
        assertThat(api.as(AUDITOR)
                        .post("/api/audit/verifications", "{}")
                        .json()
                        .path("chainIntact")
                        .asBoolean())
                .isTrue();
    }

    @Test
    @Order(8)
    void aReplayRebuildsEveryViewIdenticalToBefore() throws Exception {
        Map<String, JsonNode> before = everyView();

        Reply started = api.as(ADMIN).post("/api/admin/replays", "{}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.header("Location");
        JsonNode job = started.json();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (job.path("status").asText().equals("RUNNING") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            job = read(location);
        }

        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("eventsProcessed").asLong())
                .isEqualTo(job.path("eventsTotal").asLong())
                .isPositive();
        assertThat(job.path("generation").asLong()).isEqualTo(1);
        assertThat(everyView()).isEqualTo(before);
        assertThat(api.as(AUDITOR)
                        .post("/api/audit/verifications", "{}")
                        .json()
                        .path("viewsMatchReplay")
                        .asBoolean())
                .isTrue();
        assertThat(api.as(AUDITOR).post("/api/admin/replays", "{}").status()).isEqualTo(403);
    }

    @Test
    @Order(9)
    void anAuditorReadsEverythingButSendsNoCommand() {
        String[][] commands = {
            {"POST", "/api/partners"},
            {"PATCH", "/api/partners/saarbruecken"},
            {"POST", "/api/agreements"},
            {"POST", AGREEMENT + "/parties"},
            {"POST", AGREEMENT + "/signatures"},
            {"PATCH", AGREEMENT},
            {"POST", AGREEMENT + "/termination"},
            {"POST", AGREEMENT + "/delegations"},
            {"POST", AGREEMENT + "/delegations/wohngeld/start"},
            {"POST", AGREEMENT + "/delegations/wohngeld/suspension"},
            {"POST", AGREEMENT + "/delegations/wohngeld/resumption"},
            {"POST", AGREEMENT + "/delegations/wohngeld/end"},
            {"POST", AGREEMENT + "/delegations/wohngeld/cost-entries"},
            {"POST", AGREEMENT + "/cost-entries/wohngeld-2014-kreis-actual/reversal"},
            {"POST", "/api/admin/replays"}
        };
        for (String[] command : commands) {
            Reply reply = api.as(AUDITOR).send(command[0], command[1], "{}", "application/json");
            assertThat(reply.status()).as(command[0] + " " + command[1]).isEqualTo(403);
        }
        for (String view : List.of(
                "/api/partners",
                "/api/agreements",
                AGREEMENT + "/history",
                "/api/audit/events",
                "/api/service-matrix")) {
            assertThat(api.as(AUDITOR).get(view).status()).as(view).isEqualTo(200);
        }
        assertThat(api.as("manager:manager-local").get(AGREEMENT + "/history").status())
                .isEqualTo(403);
    }

    private Map<String, JsonNode> everyView() {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String path : List.of(
                "/api/partners",
                "/api/agreements",
                "/api/savings",
                "/api/savings?fiscalYear=2014",
                "/api/service-matrix")) {
            views.put(path, read(path));
        }
        for (JsonNode partner : read("/api/partners").path("items")) {
            String id = partner.path("id").asText();
            views.put(id + "/services", read("/api/partners/" + id + "/services"));
            views.put(id + "/savings", read("/api/partners/" + id + "/savings"));
        }
        for (JsonNode agreement : read("/api/agreements").path("items")) {
            views.put(
                    agreement.path("id").asText(),
                    read("/api/agreements/" + agreement.path("id").asText()));
        }
        return views;
    }

    /** A small RFC 4180 reader: quoted cells, doubled quotes, CRLF rows. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (c != '\r') {
                    cell.append(c);
                }
            }
            return rows;
        }
    }
}

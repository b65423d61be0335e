package de.ikz.ledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.api.agreement.AgreementDrafted;
import de.ikz.ledger.api.agreement.AgreementSigned;
import de.ikz.ledger.api.agreement.CostEntryRecorded;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.PartyAdmitted;
import de.ikz.ledger.api.partner.PartnerKind;
import de.ikz.ledger.api.partner.PartnerRegistered;
import de.ikz.ledger.api.partner.PartnerRenamed;
import de.ikz.ledger.query.support.EventLog;
import de.ikz.ledger.query.support.QuerySideTestApplication;
import de.ikz.ledger.query.support.StreamEvent;
import de.ikz.ledger.query.support.ViewStoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catch-up feed {@code GET /api/events} over real HTTP on an in-memory event store: pages,
 * filters, the bound on the events one page reads, and the schemas of the published language.
 */
@SpringBootTest(classes = QuerySideTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedTest {

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
        registry.add("ikz.events.max-scan", () -> "1000");
    }

    @BeforeEach
    void connect() {
        http = new IntegratorHttp(port);
        if (log == null) {
            log = new EventLog(eventStore);
        }
    }

    @Test
    void aReaderThatPagesFromTheStartSeesEveryEventOnceInOrderAndResumesAnywhere() {
        String prefix = unique();
        for (int i = 0; i < 23; i++) {
            log.append(StreamEvent.of(registered(prefix + "-" + i)));
        }
        long head = log.head();

        List<Long> all = pageThrough("/api/events?limit=7", -1, head);
        List<Long> resumed = new ArrayList<>(pageThrough("/api/events?limit=5", -1, all.get(9)));
        resumed.addAll(pageThrough("/api/events?limit=4", all.get(9), head));

        assertThat(all).isSorted().doesNotHaveDuplicates();
        assertThat(all.get(all.size() - 1)).isEqualTo(head);
        assertThat(all).hasSize((int) head + 1);
        assertThat(resumed).isEqualTo(all);
    }

    @Test
    void anEnvelopeCarriesPositionTypeRevisionStreamAndPayload() {
        String partner = unique();
        long position = log.append(StreamEvent.of(registered(partner)));

        JsonNode page = http.get("/api/events?after=" + (position - 1) + "&limit=1", IntegratorHttp.INTEGRATOR)
                .json();
        JsonNode envelope = page.path("items").get(0);

        assertThat(envelope.path("position").asLong()).isEqualTo(position);
        assertThat(envelope.path("type").asText()).isEqualTo("PartnerRegistered");
        assertThat(envelope.path("revision").asText()).isEqualTo("1");
        assertThat(envelope.path("aggregateId").asText()).isEqualTo(partner);
        assertThat(envelope.path("sequence").asLong()).isZero();
        assertThat(envelope.path("eventId").asText()).isNotBlank();
        assertThat(envelope.path("recordedAt").asText()).endsWith("Z");
        assertThat(envelope.path("payload").path("partnerId").asText()).isEqualTo(partner);
        assertThat(envelope.path("metadata").isObject()).isTrue();
        assertThat(page.path("lastPosition").asLong()).isEqualTo(position);
    }

    @Test
    void aTypeFilterPassesOnlyThoseTypesAndTheLastPositionIsTheLastEventRead() {
        String partner = unique();
        long from = log.head();
        log.append(StreamEvent.of(registered(partner)));
        log.append(StreamEvent.of(new PartnerRenamed(partner, "Neu")));
        long last = log.append(StreamEvent.of(registered(partner + "-x")));

        JsonNode page = http.get("/api/events?after=" + from + "&types=PartnerRenamed", IntegratorHttp.INTEGRATOR)
                .json();

        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").get(0).path("type").asText()).isEqualTo("PartnerRenamed");
        assertThat(page.path("lastPosition").asLong()).isEqualTo(last);
    }

    @Test
    void aPartnerFilterPassesItsOwnStreamAndTheAgreementsItIsAPartyToFromWhenItBecameOne() {
        String city = unique();
        String district = unique();
        String newcomer = unique();
        String stranger = unique();
        String agreement = unique();
        String other = unique();
        long from = log.head();
        log.append(StreamEvent.of(registered(city)));
        log.append(StreamEvent.of(registered(newcomer)));
        log.append(StreamEvent.of(drafted(agreement, city, district)));
        log.append(StreamEvent.of(new AgreementSigned(agreement, city, "N", "R", LocalDate.of(2014, 5, 22))));
        log.append(StreamEvent.of(drafted(other, district, stranger)));
        log.append(StreamEvent.of(new PartyAdmitted(agreement, newcomer)));
        log.append(StreamEvent.of(cost(agreement, district)));

        assertThat(types("/api/events?after=" + from + "&partnerId=" + city))
                .containsExactly(
                        "PartnerRegistered",
                        "AgreementDrafted",
                        "AgreementSigned",
                        "PartyAdmitted",
                        "CostEntryRecorded");
        assertThat(types("/api/events?after=" + from + "&partnerId=" + newcomer))
                .containsExactly("PartnerRegistered", "PartyAdmitted", "CostEntryRecorded");
        assertThat(types("/api/events?after=" + from + "&partnerId=" + stranger))
                .containsExactly("AgreementDrafted");
        assertThat(types("/api/events?after=" + from + "&partnerId=" + city + "&types=AgreementSigned,PartyAdmitted"))
                .containsExactly("AgreementSigned", "PartyAdmitted");
    }

    @Test
    void aSparseFilterReadsAtMostTenTimesItsLimitPerPageAndStillFindsEverything() {
        String partner = unique();
        long from = log.head();
        for (int i = 0; i < 25; i++) {
            log.append(StreamEvent.of(registered(partner + "-" + i)));
        }
        long renamed = log.append(StreamEvent.of(new PartnerRenamed(partner + "-3", "Umbenannt")));

        JsonNode first = http.get(
                        "/api/events?after=" + from + "&limit=1&types=PartnerRenamed", IntegratorHttp.INTEGRATOR)
                .json();
        assertThat(first.path("items")).isEmpty();
        assertThat(first.path("lastPosition").asLong()).isEqualTo(from + 10);

        long after = first.path("lastPosition").asLong();
        List<Long> found = new ArrayList<>();
        for (int request = 0; request < 5 && after < renamed; request++) {
            JsonNode page = http.get(
                            "/api/events?after=" + after + "&limit=1&types=PartnerRenamed", IntegratorHttp.INTEGRATOR)
                    .json();
            page.path("items").forEach(item -> found.add(item.path("position").asLong()));
            assertThat(page.path("lastPosition").asLong()).isBetween(after, after + 10);
            after = page.path("lastPosition").asLong();
        }
        assertThat(found).containsExactly(renamed);
    }

    @Test
    void aPageAtTheHeadIsEmptyAndStaysWhereItWas() {
        long head = log.head();

        JsonNode page =
                http.get("/api/events?after=" + head, IntegratorHttp.INTEGRATOR).json();

        assertThat(page.path("items")).isEmpty();
        assertThat(page.path("lastPosition").asLong()).isEqualTo(head);
    }

    @Test
    void unknownTypesAndInvalidPositionsOrLimitsAreRefusedAsInvalidParameters() {
        for (String query : List.of(
                "types=PartnerRegistered,PartnerDeleted",
                "types=,",
                "limit=0",
                "limit=1001",
                "after=-2",
                "after=soon",
                "partnerId=Not%20A%20Slug")) {
            IntegratorHttp.Answer answer = http.get("/api/events?" + query, IntegratorHttp.INTEGRATOR);
            assertThat(answer.status()).as(query + " -> " + answer).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.code()).as(query).isEqualTo("INVALID_PARAMETER");
        }
    }

    @Test
    void theSchemasOfAllFifteenEventsAreServedAndAnUnknownTypeIsNotFound() {
        JsonNode all =
                http.get("/api/events/schemas", IntegratorHttp.INTEGRATOR).json();
        IntegratorHttp.Answer one = http.get("/api/events/schemas/CostEntryRecorded", IntegratorHttp.INTEGRATOR);
        IntegratorHttp.Answer unknown = http.get("/api/events/schemas/PartnerDeleted", IntegratorHttp.INTEGRATOR);

        assertThat(all.size()).isEqualTo(15);
        assertThat(all.path("AgreementSigned").path("title").asText()).isEqualTo("AgreementSigned");
        assertThat(one.json().at("/properties/amount/pattern").asText()).isEqualTo("^\\d{1,10}\\.\\d{2}$");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("RESOURCE_NOT_FOUND");
    }

    @Test
    void aManagerIsForbiddenAndAnAnonymousCallerUnauthenticated() {
        for (String path : List.of("/api/events", "/api/events/schemas", "/api/events/stream")) {
            IntegratorHttp.Answer manager = http.get(path, IntegratorHttp.MANAGER);
            IntegratorHttp.Answer anonymous = http.get(path, null);
            assertThat(manager.status()).as(path).isEqualTo(403);
            assertThat(manager.code()).isEqualTo("FORBIDDEN");
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(http.get("/api/events?limit=1", IntegratorHttp.ADMIN).status())
                .isEqualTo(200);
    }

    private List<Long> pageThrough(String path, long after, long until) {
        List<Long> positions = new ArrayList<>();
        long at = after;
        for (int request = 0; request < 100 && at < until; request++) {
            JsonNode page =
                    http.get(path + "&after=" + at, IntegratorHttp.INTEGRATOR).json();
            for (JsonNode item : page.path("items")) {
                if (item.path("position").asLong() <= until) {
                    positions.add(item.path("position").asLong());
                }
            }
            assertThat(page.path("lastPosition").asLong()).isGreaterThanOrEqualTo(at);
            at = Math.min(page.path("lastPosition").asLong(), until);
        }
        return positions;
    }

    private List<String> types(String path) {
        List<String> types = new ArrayList<>();
        http.get(path, IntegratorHttp.INTEGRATOR)
                .json()
                .path("items")
                .forEach(i -> types.add(i.path("type").asText()));
        return types;
    }

    private static String unique() {
        return "p" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static PartnerRegistered registered(String id) {
        return new PartnerRegistered(id, "Partner " + id, PartnerKind.MUNICIPALITY, null, null);
    }

    private static AgreementDrafted drafted(String agreement, String... parties) {
        return new AgreementDrafted(agreement, "Kooperation", "IT", List.of(parties), LocalDate.of(2014, 1, 1), null);
    }

    private static CostEntryRecorded cost(String agreement, String partner) {
        return new CostEntryRecorded(
                agreement, "d", "e-" + unique(), partner, 2014, CostKind.ACTUAL, new BigDecimal("10.00"), null);
    }
}

package de.ikz.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.agreement.CostEntryReversed;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.DelegationStarted;
import de.ikz.ledger.api.agreement.DelegationSuspended;
import de.ikz.ledger.api.partner.PartnerRenamed;
import de.ikz.ledger.api.query.FindPartnerSavings;
import de.ikz.ledger.api.query.FindPartnerServices;
import de.ikz.ledger.api.query.PartnerSavings;
import de.ikz.ledger.api.query.PartnerServices;
import de.ikz.ledger.api.query.ServiceItem;
import de.ikz.ledger.query.support.EventLog;
import de.ikz.ledger.query.support.LedgerApi.Answer;
import de.ikz.ledger.query.support.QuerySideIntegrationTest;
import de.ikz.ledger.query.support.ReferenceCase;
import de.ikz.ledger.query.support.SavingsChecks;
import de.ikz.ledger.query.support.StreamEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Views follow new events at once, and ignore events they have applied already. */
class LiveViewsTest extends QuerySideIntegrationTest {

    @Autowired
    QueryGateway queryGateway;

    ReferenceCase ref;
    EventLog log;
    long position;

    @BeforeEach
    void recordAReferenceCaseOfItsOwn() {
        ref = new ReferenceCase("-" + UUID.randomUUID().toString().substring(0, 8));
        log = new EventLog(eventStore);
        position = log.append(ref.all());
    }

    @Test
    void reversingAnEntryChangesTheSavingsAtOnceForAReadWithTheConsistencyToken() {
        String path = "/api/partners/" + ref.kreis + "/savings?fiscalYear=2014";
        assertThat(savings(api.getConsistent(path, position))).isEqualTo("9500.00");

        long reversal = log.append(StreamEvent.of(new CostEntryReversed(
                ref.agreement,
                ref.wohngeld,
                ref.entryId(ref.wohngeld, ref.kreis, CostKind.BASELINE),
                ref.kreis,
                2014,
                CostKind.BASELINE,
                new BigDecimal("18000.00"),
                "booked on the wrong delegation")));
        Answer after = api.getConsistent(path, reversal);

        assertThat(after.header("X-Consistency-Reached")).contains("true");
        assertThat(savings(after)).isEqualTo("-8500.00");
        assertThat(after.body().get("years").get(0).get("baseline").asText()).isEqualTo("21000.00");
        SavingsChecks.assertPartnerSavingsAddUp(after.body());
        JsonNode entries = api.get("/api/agreements/" + ref.agreement).body().get("costEntries");
        assertThat(entries.get(0).get("reversed").asBoolean()).isTrue();
        assertThat(entries.get(0).get("reversalReason").asText()).isEqualTo("booked on the wrong delegation");
    }

    @Test
    void redeliveringEventsChangesNoDocument() {
        log.append(StreamEvent.of(new PartnerRenamed(ref.kreis, "Saarpfalz-Kreis (Homburg)")));
        long suspended = log.append(StreamEvent.of(
                new DelegationSuspended(ref.agreement, ref.wohngeld, LocalDate.of(2015, 1, 1), "system migration")));
        api.getConsistent("/api/partners", suspended);
        List<Document> before = documentsOfThisCase();

        long redelivered = log.redeliver(StreamEvent.of(new PartnerRenamed(ref.kreis, "A stale name")), 1);
        List<StreamEvent> history = ref.agreement();
        for (int sequence = 0; sequence < history.size(); sequence++) {
            redelivered = log.redeliver(history.get(sequence), sequence);
        }
        Answer read = api.getConsistent("/api/agreements/" + ref.agreement, redelivered);

        assertThat(read.header("X-Consistency-Reached")).contains("true");
        assertThat(documentsOfThisCase()).isEqualTo(before);
        assertThat(read.body().get("delegations").get(0).get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(api.get("/api/partners/" + ref.kreis).body().get("name").asText())
                .isEqualTo("Saarpfalz-Kreis (Homburg)");
        assertThat(savings(api.get("/api/partners/" + ref.kreis + "/savings"))).isEqualTo("9500.00");
    }

    @Test
    void aSubscriberSeesAPartnersServicesAndSavingsChangeLive() {
        api.getConsistent("/api/partners", position);
        SubscriptionQueryResult<Optional<PartnerServices>, PartnerServices> services = queryGateway.subscriptionQuery(
                new FindPartnerServices(ref.kreis),
                ResponseTypes.optionalInstanceOf(PartnerServices.class),
                ResponseTypes.instanceOf(PartnerServices.class));
        SubscriptionQueryResult<Optional<PartnerSavings>, PartnerSavings> savings = queryGateway.subscriptionQuery(
                new FindPartnerSavings(ref.kreis, 2014),
                ResponseTypes.optionalInstanceOf(PartnerSavings.class),
                ResponseTypes.instanceOf(PartnerSavings.class));
        try {
            assertThat(status(services.initialResult().block().orElseThrow(), ref.datensicherung))
                    .isEqualTo("PLANNED");
            assertThat(savings.initialResult().block().orElseThrow().total().savings())
                    .isEqualTo("9500.00");

            log.append(List.of(
                    StreamEvent.of((AgreementEvent)
                            new DelegationStarted(ref.agreement, ref.datensicherung, LocalDate.of(2014, 6, 1))),
                    ref.entry("backup-baseline", ref.datensicherung, ref.kreis, CostKind.BASELINE, "2000.00")));

            PartnerServices servicesUpdate = services.updates()
                    .filter(update -> status(update, ref.datensicherung).equals("ACTIVE"))
                    .blockFirst(Duration.ofSeconds(10));
            PartnerSavings savingsUpdate = savings.updates()
                    .filter(update -> update.total().savings().equals("11500.00"))
                    .blockFirst(Duration.ofSeconds(10));

            assertThat(servicesUpdate.partnerId()).isEqualTo(ref.kreis);
            assertThat(savingsUpdate.years().get(0).services()).hasSize(4);
        } finally {
            services.close();
            savings.close();
        }
    }

    private static String status(PartnerServices services, String delegationId) {
        return services.received().stream()
                .filter(item -> item.delegationId().equals(delegationId))
                .map(ServiceItem::status)
                .findFirst()
                .orElseThrow()
                .name();
    }

    private static String savings(Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().get("total").get("savings").asText();
    }

    private List<Document> documentsOfThisCase() {
        List<Document> documents = new ArrayList<>();
        for (String partner : List.of(ref.saarbruecken, ref.iks, ref.tsc, ref.kreis)) {
            documents.add(one("partners", partner));
            documents.add(one("partner_ledgers", partner));
        }
        documents.add(one("agreements", ref.agreement));
        return documents;
    }

    private Document one(String collection, String id) {
        Document document = viewDatabase
                .getCollection(collection)
                .find(new Document("_id", id))
                .first();
        assertThat(document).as("%s %s", collection, id).isNotNull();
        return document;
    }
}

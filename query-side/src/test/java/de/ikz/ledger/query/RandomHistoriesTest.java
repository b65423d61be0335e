package de.ikz.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.api.partner.PartnerRegistered;
import de.ikz.ledger.query.support.EventLog;
import de.ikz.ledger.query.support.IndependentLedger;
import de.ikz.ledger.query.support.LedgerApi.Answer;
import de.ikz.ledger.query.support.QuerySideIntegrationTest;
import de.ikz.ledger.query.support.RandomHistory;
import de.ikz.ledger.query.support.SavingsChecks;
import de.ikz.ledger.query.support.StreamEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random valid histories, stored through the projections and read over HTTP, give the savings and
 * services that a sum taken straight from the events gives. (The pure folds meet many more random
 * histories in {@code SavingsPropertiesTest}; this test takes a few through storage and HTTP.)
 */
class RandomHistoriesTest extends QuerySideIntegrationTest {

    private static final long SEED = 5_500_15_000L;
    private static final int HISTORIES = 10;

    @Test
    void savingsAndServicesOverHttpEqualAnIndependentComputationFromTheEvents() {
        Random random = new Random(SEED);
        for (int h = 0; h < HISTORIES; h++) {
            String prefix = "random-" + SEED + "-" + h + "-";
            List<StreamEvent> events = RandomHistory.generate(random, prefix);
            long position = new EventLog(eventStore).append(events);
            IndependentLedger expected = new IndependentLedger(events);

            for (String partner : partners(events)) {
                String context = "history " + h + ", partner " + partner;
                Answer savings = api.getConsistent("/api/partners/" + partner + "/savings", position);
                assertThat(savings.header("X-Consistency-Reached")).as(context).contains("true");
                JsonNode body = savings.body();
                SavingsChecks.assertPartnerSavingsAddUp(body);
                assertThat(SavingsChecks.amount(body.get("total"), "savings"))
                        .as(context)
                        .isEqualByComparingTo(expected.savings(partner, null));
                Map<Integer, BigDecimal> years = new TreeMap<>();
                body.get("years")
                        .forEach(year ->
                                years.put(year.get("fiscalYear").asInt(), SavingsChecks.amount(year, "savings")));
                assertThat(years.keySet())
                        .as(context)
                        .isEqualTo(expected.savingsPerYear(partner).keySet());
                years.forEach((year, amount) ->
                        assertThat(amount).as(context).isEqualByComparingTo(expected.savings(partner, year)));

                JsonNode services =
                        api.get("/api/partners/" + partner + "/services").body();
                assertThat(keys(services.get("provided"))).as(context).isEqualTo(expected.provided(partner));
                assertThat(keys(services.get("received"))).as(context).isEqualTo(expected.received(partner));
            }
            SavingsChecks.assertTotalsAddUp(api.get("/api/savings").body());
        }
    }

    private static List<String> partners(List<StreamEvent> events) {
        return events.stream()
                .map(StreamEvent::payload)
                .filter(PartnerRegistered.class::isInstance)
                .map(e -> ((PartnerRegistered) e).partnerId())
                .toList();
    }

    private static TreeSet<String> keys(JsonNode items) {
        TreeSet<String> keys = new TreeSet<>();
        items.forEach(item -> keys.add(item.get("agreementId").asText() + "/"
                + item.get("delegationId").asText()));
        return keys;
    }
}

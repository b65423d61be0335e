package de.ikz.ledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.partner.PartnerRegistered;
import de.ikz.ledger.api.query.PartnerSavings;
import de.ikz.ledger.api.query.PartnerServices;
import de.ikz.ledger.api.query.SavingsTotals;
import de.ikz.ledger.api.query.ServiceItem;
import de.ikz.ledger.query.agreement.AgreementView;
import de.ikz.ledger.query.agreement.AgreementViewCodec;
import de.ikz.ledger.query.support.IndependentLedger;
import de.ikz.ledger.query.support.RandomHistory;
import de.ikz.ledger.query.support.StreamEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * For random valid histories, the folds and the savings computed from them agree with a sum taken
 * straight from the events.
 */
class SavingsPropertiesTest {

    @Property(tries = 400)
    void aPartnersSavingsEqualTheSumOfItsEntriesNotReversed(@ForAll Random random) {
        List<StreamEvent> events = RandomHistory.generate(random, "");
        IndependentLedger expected = new IndependentLedger(events);
        Map<String, List<PartnerContribution>> ledgers = ledgers(events);

        for (String partner : partners(events)) {
            List<PartnerContribution> ledger = ledgers.getOrDefault(partner, List.of());
            PartnerSavings all = Savings.ofPartner(partner, ledger, null);

            assertThat(new BigDecimal(all.total().savings())).isEqualByComparingTo(expected.savings(partner, null));
            Map<Integer, BigDecimal> years = new TreeMap<>();
            all.years().forEach(year -> years.put(year.fiscalYear(), new BigDecimal(year.savings())));
            assertThat(years.keySet())
                    .isEqualTo(expected.savingsPerYear(partner).keySet());
            years.forEach((year, savings) -> assertThat(savings).isEqualByComparingTo(expected.savings(partner, year)));

            for (PartnerSavings.Year year : all.years()) {
                Map<String, BigDecimal> perDelegation = new TreeMap<>();
                for (PartnerSavings.ServiceSavings service : year.services()) {
                    perDelegation.put(
                            service.agreementId() + "/" + service.delegationId(), new BigDecimal(service.savings()));
                    assertThat(service.role().name())
                            .isEqualTo(expected.role(partner, service.agreementId(), service.delegationId()));
                }
                Map<String, BigDecimal> expectedPerDelegation =
                        expected.savingsPerDelegation(partner, year.fiscalYear());
                assertThat(perDelegation.keySet()).isEqualTo(expectedPerDelegation.keySet());
                perDelegation.forEach(
                        (key, savings) -> assertThat(savings).isEqualByComparingTo(expectedPerDelegation.get(key)));

                PartnerSavings oneYear = Savings.ofPartner(partner, ledger, year.fiscalYear());
                assertThat(oneYear.years()).containsExactly(year);
                assertThat(oneYear.total().savings()).isEqualTo(year.savings());
            }
        }
    }

    @Property(tries = 200)
    void theTotalsOfAllPartnersEqualTheSumOfAllEntriesNotReversed(@ForAll Random random) {
        List<StreamEvent> events = RandomHistory.generate(random, "");
        IndependentLedger expected = new IndependentLedger(events);
        Map<String, List<PartnerContribution>> ledgers = new TreeMap<>(ledgers(events));
        Integer fiscalYear = random.nextBoolean() ? null : 2012 + random.nextInt(7);

        SavingsTotals totals = Savings.totals(ledgers, id -> "name of " + id, fiscalYear);

        assertThat(totals.fiscalYear()).isEqualTo(fiscalYear);
        assertThat(totals.partners().stream().map(SavingsTotals.PartnerTotal::partnerId))
                .containsExactlyElementsOf(expected.bookingPartners(fiscalYear));
        BigDecimal sum = BigDecimal.ZERO;
        for (SavingsTotals.PartnerTotal partner : totals.partners()) {
            assertThat(partner.name()).isEqualTo("name of " + partner.partnerId());
            BigDecimal savings = expected.savings(partner.partnerId(), fiscalYear);
            assertThat(new BigDecimal(partner.savings())).isEqualByComparingTo(savings);
            sum = sum.add(savings);
        }
        assertThat(new BigDecimal(totals.total().savings())).isEqualByComparingTo(sum);
    }

    @Property(tries = 200)
    void aPartyProvidesWhatItAndItsUnitsProvideAndReceivesWhatItConsumes(@ForAll Random random) {
        List<StreamEvent> events = RandomHistory.generate(random, "");
        IndependentLedger expected = new IndependentLedger(events);
        Map<String, List<PartnerContribution>> ledgers = ledgers(events);

        for (String partner : partners(events)) {
            PartnerServices services = Services.ofPartner(partner, ledgers.getOrDefault(partner, List.of()));

            assertThat(keys(services.provided())).isEqualTo(expected.provided(partner));
            assertThat(keys(services.received())).isEqualTo(expected.received(partner));
        }
    }

    @Property(tries = 200)
    void storedViewsAndLedgersReadBackAsWritten(@ForAll Random random) {
        List<StreamEvent> events = RandomHistory.generate(random, "");

        for (AgreementView view : fold(events).values()) {
            assertThat(AgreementViewCodec.INSTANCE.decode(AgreementViewCodec.INSTANCE.encode(view)))
                    .isEqualTo(view);
            for (PartnerContribution contribution :
                    PartnerContribution.of(view, 7).values()) {
                assertThat(PartnerLedgers.decode(contribution.partnerId(), PartnerLedgers.encode(contribution)))
                        .isEqualTo(contribution);
            }
        }
    }

    private static TreeSet<String> keys(List<ServiceItem> items) {
        TreeSet<String> keys = new TreeSet<>();
        items.forEach(item -> keys.add(item.agreementId() + "/" + item.delegationId()));
        return keys;
    }

    private static List<String> partners(List<StreamEvent> events) {
        return events.stream()
                .map(StreamEvent::payload)
                .filter(PartnerRegistered.class::isInstance)
                .map(e -> ((PartnerRegistered) e).partnerId())
                .toList();
    }

    /** Folds each agreement stream; the n-th event is recorded n seconds after the epoch. */
    static Map<String, AgreementView> fold(List<StreamEvent> events) {
        Map<String, AgreementView> views = new TreeMap<>();
        Instant at = Instant.EPOCH;
        for (StreamEvent event : events) {
            at = at.plusSeconds(1);
            if (event.payload() instanceof AgreementEvent agreementEvent) {
                Instant recordedAt = at;
                views.compute(
                        agreementEvent.agreementId(),
                        (id, view) -> AgreementView.fold(view, agreementEvent, recordedAt));
            }
        }
        return views;
    }

    /** Every partner's contributions, as the projection stores them, ordered by agreement. */
    static Map<String, List<PartnerContribution>> ledgers(List<StreamEvent> events) {
        Map<String, List<PartnerContribution>> ledgers = new HashMap<>();
        for (AgreementView view : fold(events).values()) {
            PartnerContribution.of(view, 0)
                    .forEach((partner, contribution) -> ledgers.computeIfAbsent(partner, p -> new ArrayList<>())
                            .add(contribution));
        }
        return ledgers;
    }
}

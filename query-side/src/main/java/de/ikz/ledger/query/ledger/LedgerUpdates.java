package de.ikz.ledger.query.ledger;

import de.ikz.ledger.api.query.FindPartnerSavings;
import de.ikz.ledger.api.query.FindPartnerServices;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.springframework.stereotype.Component;

/**
 * Sends the new services and savings of changed partners to the subscription queries that watch
 * them. Inside an event handler the emitter holds the updates back until the unit of work commits,
 * so subscribers see what is stored.
 */
@Component
public class LedgerUpdates {

    private final QueryUpdateEmitter emitter;
    private final PartnerLedgers ledgers;

    LedgerUpdates(QueryUpdateEmitter emitter, PartnerLedgers ledgers) {
        this.emitter = emitter;
        this.ledgers = ledgers;
    }

    public void partnersChanged(Collection<String> partnerIds) {
        Set<SubscriptionQueryMessage<?, ?, ?>> active = emitter.activeSubscriptions();
        if (active.isEmpty()) {
            return;
        }
        for (String partnerId : partnerIds) {
            boolean servicesWatched = false;
            Set<Integer> savingsWatched = new LinkedHashSet<>();
            for (SubscriptionQueryMessage<?, ?, ?> subscription : active) {
                Object query = subscription.getPayload();
                if (query instanceof FindPartnerServices services && partnerId.equals(services.partnerId())) {
                    servicesWatched = true;
                } else if (query instanceof FindPartnerSavings savings && partnerId.equals(savings.partnerId())) {
                    savingsWatched.add(savings.fiscalYear());
                }
            }
            if (!servicesWatched && savingsWatched.isEmpty()) {
                continue;
            }
            List<PartnerContribution> ledger = ledgers.find(partnerId);
            if (servicesWatched) {
                emitter.emit(
                        FindPartnerServices.class,
                        query -> partnerId.equals(query.partnerId()),
                        Services.ofPartner(partnerId, ledger));
            }
            for (Integer fiscalYear : savingsWatched) {
                emitter.emit(
                        FindPartnerSavings.class,
                        query -> partnerId.equals(query.partnerId()) && Objects.equals(fiscalYear, query.fiscalYear()),
                        Savings.ofPartner(partnerId, ledger, fiscalYear));
            }
        }
    }
}

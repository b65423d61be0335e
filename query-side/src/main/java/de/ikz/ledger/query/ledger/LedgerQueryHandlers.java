package de.ikz.ledger.query.ledger;

import de.ikz.ledger.api.query.FindPartnerSavings;
import de.ikz.ledger.api.query.FindPartnerServices;
import de.ikz.ledger.api.query.FindSavingsTotals;
import de.ikz.ledger.api.query.FindServiceMatrix;
import de.ikz.ledger.api.query.PartnerSavings;
import de.ikz.ledger.api.query.PartnerServices;
import de.ikz.ledger.api.query.SavingsTotals;
import de.ikz.ledger.api.query.ServiceMatrix;
import de.ikz.ledger.query.history.ViewSource;
import de.ikz.ledger.query.history.ViewSources;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the services and savings of a partner from its ledger, and the management views (savings
 * totals, service matrix) from all ledgers and agreements. A partner's services and savings are
 * found only for a registered partner.
 */
@Component
class LedgerQueryHandlers {

    private final ViewSources sources;

    LedgerQueryHandlers(ViewSources sources) {
        this.sources = sources;
    }

    @QueryHandler
    Optional<PartnerServices> handle(FindPartnerServices query) {
        ViewSource views = sources.at(query.asOf(), query.on());
        return views.partner(query.partnerId())
                .map(partner -> Services.ofPartner(partner.id(), views.contributions(partner.id())));
    }

    @QueryHandler
    Optional<PartnerSavings> handle(FindPartnerSavings query) {
        ViewSource views = sources.at(query.asOf(), null);
        return views.partner(query.partnerId())
                .map(partner -> Savings.ofPartner(partner.id(), views.contributions(partner.id()), query.fiscalYear()));
    }

    @QueryHandler
    SavingsTotals handle(FindSavingsTotals query) {
        ViewSource views = sources.at(query.asOf(), null);
        Map<String, String> names = new HashMap<>();
        views.partners().forEach(partner -> names.put(partner.id(), partner.name()));
        return Savings.totals(views.allContributions(), names::get, query.fiscalYear());
    }

    @QueryHandler
    ServiceMatrix handle(FindServiceMatrix query) {
        return ServiceMatrices.of(sources.at(query.asOf(), query.on()).agreements());
    }
}

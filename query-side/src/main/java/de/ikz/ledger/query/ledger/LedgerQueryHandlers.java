package de.ikz.ledger.query.ledger;

import de.ikz.ledger.api.query.FindPartnerSavings;
import de.ikz.ledger.api.query.FindPartnerServices;
import de.ikz.ledger.api.query.FindSavingsTotals;
import de.ikz.ledger.api.query.FindServiceMatrix;
import de.ikz.ledger.api.query.PartnerSavings;
import de.ikz.ledger.api.query.PartnerServices;
import de.ikz.ledger.api.query.SavingsTotals;
import de.ikz.ledger.api.query.ServiceMatrix;
import de.ikz.ledger.query.agreement.AgreementViews;
import de.ikz.ledger.query.partner.PartnerViews;
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

    private final PartnerLedgers ledgers;
    private final PartnerViews partners;
    private final AgreementViews agreements;

    LedgerQueryHandlers(PartnerLedgers ledgers, PartnerViews partners, AgreementViews agreements) {
        this.ledgers = ledgers;
        this.partners = partners;
        this.agreements = agreements;
    }

    @QueryHandler
    Optional<PartnerServices> handle(FindPartnerServices query) {
        return partners.find(query.partnerId())
                .map(partner -> Services.ofPartner(partner.id(), ledgers.find(partner.id())));
    }

    @QueryHandler
    Optional<PartnerSavings> handle(FindPartnerSavings query) {
        return partners.find(query.partnerId())
                .map(partner -> Savings.ofPartner(partner.id(), ledgers.find(partner.id()), query.fiscalYear()));
    }

    @QueryHandler
    SavingsTotals handle(FindSavingsTotals query) {
        Map<String, String> names = new HashMap<>();
        partners.findAll().forEach(partner -> names.put(partner.id(), partner.name()));
        return Savings.totals(ledgers.findAll(), names::get, query.fiscalYear());
    }

    @QueryHandler
    ServiceMatrix handle(FindServiceMatrix query) {
        return ServiceMatrices.of(agreements.findAll());
    }
}

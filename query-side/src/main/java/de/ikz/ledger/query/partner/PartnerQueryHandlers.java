package de.ikz.ledger.query.partner;

import de.ikz.ledger.api.query.FindPartner;
import de.ikz.ledger.api.query.ListPartners;
import de.ikz.ledger.api.query.PartnerList;
import de.ikz.ledger.api.query.PartnerSummary;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers partner queries from the {@code partners} collection. */
@Component
class PartnerQueryHandlers {

    private final PartnerViews partners;

    PartnerQueryHandlers(PartnerViews partners) {
        this.partners = partners;
    }

    @QueryHandler
    Optional<PartnerSummary> handle(FindPartner query) {
        return partners.find(query.partnerId()).map(PartnerQueryHandlers::summary);
    }

    @QueryHandler
    PartnerList handle(ListPartners query) {
        return new PartnerList(
                partners.findAll().stream().map(PartnerQueryHandlers::summary).toList());
    }

    static PartnerSummary summary(PartnerView view) {
        return new PartnerSummary(
                view.id(), view.name(), view.kind(), view.officialKey(), view.parentId(), view.registeredAt());
    }
}

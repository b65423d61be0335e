package de.ikz.ledger.query.partner;

import de.ikz.ledger.api.query.FindPartner;
import de.ikz.ledger.api.query.ListPartners;
import de.ikz.ledger.api.query.PartnerList;
import de.ikz.ledger.api.query.PartnerSummary;
import de.ikz.ledger.query.history.ViewSources;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers partner queries from the {@code partners} collection. */
@Component
class PartnerQueryHandlers {

    private final ViewSources sources;

    PartnerQueryHandlers(ViewSources sources) {
        this.sources = sources;
    }

    @QueryHandler
    Optional<PartnerSummary> handle(FindPartner query) {
        return sources.at(query.asOf(), null).partner(query.partnerId()).map(PartnerQueryHandlers::summary);
    }

    @QueryHandler
    PartnerList handle(ListPartners query) {
        return new PartnerList(sources.at(query.asOf(), null).partners().stream()
                .map(PartnerQueryHandlers::summary)
                .toList());
    }

    static PartnerSummary summary(PartnerView view) {
        return new PartnerSummary(
                view.id(), view.name(), view.kind(), view.officialKey(), view.parentId(), view.registeredAt());
    }
}

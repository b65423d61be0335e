package de.ikz.ledger.query.projection;

import de.ikz.ledger.api.partner.PartnerEvent;
import de.ikz.ledger.query.partner.PartnerViews;
import de.ikz.ledger.query.processing.ViewProcessors;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Keeps the {@code partners} collection: loads a partner's view, folds the event in, stores it. */
@Component
@ProcessingGroup(ViewProcessors.PARTNERS)
class PartnersViewProjection {

    private static final Logger log = LoggerFactory.getLogger(PartnersViewProjection.class);

    private final PartnerViews partners;

    PartnersViewProjection(PartnerViews partners) {
        this.partners = partners;
    }

    @EventHandler
    void on(PartnerEvent event, @SequenceNumber Long sequence, @Timestamp Instant recordedAt) {
        if (sequence == null) {
            log.warn(
                    "Ignoring {} of partner {}: not part of its stream",
                    event.getClass().getSimpleName(),
                    event.partnerId());
            return;
        }
        Projectors.partner(partners, event, sequence, recordedAt);
    }

    @ResetHandler
    void reset() {
        partners.collection().clear();
    }
}

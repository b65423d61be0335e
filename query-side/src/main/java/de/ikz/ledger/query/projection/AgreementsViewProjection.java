package de.ikz.ledger.query.projection;

import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.query.agreement.AgreementViews;
import de.ikz.ledger.query.ledger.LedgerUpdates;
import de.ikz.ledger.query.ledger.PartnerLedgers;
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

/**
 * Keeps the {@code agreements} collection and, right after it, the ledger of every partner the
 * agreement touches. The ledgers are recomputed from the stored agreement view, not from the event,
 * so a redelivered event (skipped for the agreement) still completes ledger writes a failure may
 * have cut short. Subscription queries of touched partners are updated once the batch is committed.
 */
@Component
@ProcessingGroup(ViewProcessors.AGREEMENTS)
class AgreementsViewProjection {

    private static final Logger log = LoggerFactory.getLogger(AgreementsViewProjection.class);

    private final AgreementViews agreements;
    private final PartnerLedgers ledgers;
    private final LedgerUpdates updates;

    AgreementsViewProjection(AgreementViews agreements, PartnerLedgers ledgers, LedgerUpdates updates) {
        this.agreements = agreements;
        this.ledgers = ledgers;
        this.updates = updates;
    }

    @EventHandler
    void on(AgreementEvent event, @SequenceNumber Long sequence, @Timestamp Instant recordedAt) {
        if (sequence == null) {
            log.warn(
                    "Ignoring {} of agreement {}: not part of its stream",
                    event.getClass().getSimpleName(),
                    event.agreementId());
            return;
        }
        updates.partnersChanged(Projectors.agreement(agreements, ledgers, event, sequence, recordedAt));
    }

    @ResetHandler
    void reset() {
        agreements.collection().clear();
        agreements.checkpoints().clear();
        ledgers.clear();
    }
}

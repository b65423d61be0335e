package de.ikz.ledger.query.projection;

import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.partner.PartnerEvent;
import de.ikz.ledger.query.agreement.AgreementCheckpoints;
import de.ikz.ledger.query.agreement.AgreementView;
import de.ikz.ledger.query.agreement.AgreementViewCodec;
import de.ikz.ledger.query.agreement.AgreementViews;
import de.ikz.ledger.query.ledger.PartnerContribution;
import de.ikz.ledger.query.ledger.PartnerLedgers;
import de.ikz.ledger.query.partner.PartnerView;
import de.ikz.ledger.query.partner.PartnerViewCodec;
import de.ikz.ledger.query.partner.PartnerViews;
import de.ikz.ledger.query.store.Versioned;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one event to stored views: the one code path of the live projections and of a replay
 * that catches up the generation it builds.
 */
public final class Projectors {

    private Projectors() {}

    /** Folds a partner event into its stored view. */
    public static void partner(PartnerViews partners, PartnerEvent event, long sequence, Instant recordedAt) {
        partners.collection()
                .apply(
                        event.partnerId(),
                        sequence,
                        PartnerViewCodec.INSTANCE,
                        view -> PartnerView.fold(view, event, recordedAt));
    }

    /**
     * Folds an agreement event into its stored view, records a checkpoint of it where one is due,
     * and rewrites the ledger of every partner the agreement touches from the stored view (so a
     * redelivered event still completes ledger writes a failure may have cut short).
     *
     * @return the partners whose ledgers were written
     */
    public static Set<String> agreement(
            AgreementViews agreements,
            PartnerLedgers ledgers,
            AgreementEvent event,
            long sequence,
            Instant recordedAt) {
        agreements
                .collection()
                .apply(
                        event.agreementId(),
                        sequence,
                        AgreementViewCodec.INSTANCE,
                        view -> AgreementView.fold(view, event, recordedAt));
        Optional<Versioned<AgreementView>> stored =
                agreements.collection().findVersioned(event.agreementId(), AgreementViewCodec.INSTANCE);
        if (stored.isEmpty()) {
            return Set.of();
        }
        if (stored.get().sequence() == sequence
                && AgreementCheckpoints.isDue(sequence, agreements.checkpointInterval())) {
            agreements.checkpoints().record(stored.get(), recordedAt);
        }
        Map<String, PartnerContribution> contributions =
                PartnerContribution.of(stored.get().view(), stored.get().sequence());
        contributions.values().forEach(ledgers::write);
        return contributions.keySet();
    }
}

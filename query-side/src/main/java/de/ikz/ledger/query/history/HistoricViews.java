package de.ikz.ledger.query.history;

import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.partner.PartnerEvent;
import de.ikz.ledger.query.agreement.AgreementCheckpoints;
import de.ikz.ledger.query.agreement.AgreementView;
import de.ikz.ledger.query.ledger.PartnerContribution;
import de.ikz.ledger.query.partner.PartnerView;
import de.ikz.ledger.query.store.Versioned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Views as they were recorded at {@code asOf} (and, where asked, as things stood on the business
 * date {@code on}), folded from the event store with the projections' own folds. Only the streams
 * of the asked partner or agreement are read, so the cost grows with the events touching them,
 * not with the store; a long agreement's fold starts from its latest checkpoint recorded by {@code
 * asOf} (without a business date), so it reads at most one checkpoint interval of events. Ids come
 * from the live views: streams are never removed, so every id known then is known now.
 */
final class HistoricViews implements ViewSource {

    private final EventStore eventStore;
    private final AgreementCheckpoints checkpoints;
    private final ViewSource live;
    private final Instant asOf;
    private final LocalDate on;
    private final Map<String, Optional<Versioned<PartnerView>>> partners = new HashMap<>();
    private final Map<String, Optional<Versioned<AgreementView>>> agreements = new HashMap<>();

    HistoricViews(
            EventStore eventStore, AgreementCheckpoints checkpoints, ViewSource live, Instant asOf, LocalDate on) {
        this.eventStore = eventStore;
        this.checkpoints = checkpoints;
        this.live = live;
        this.asOf = asOf;
        this.on = on;
    }

    @Override
    public Optional<PartnerView> partner(String partnerId) {
        return foldedPartner(partnerId).map(Versioned::view);
    }

    @Override
    public List<PartnerView> partners() {
        return live.partners().stream()
                .map(PartnerView::id)
                .map(this::partner)
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public Optional<AgreementView> agreement(String agreementId) {
        return foldedAgreement(agreementId).map(Versioned::view);
    }

    @Override
    public List<AgreementView> agreements() {
        return live.agreements().stream()
                .map(AgreementView::id)
                .map(this::agreement)
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public List<PartnerContribution> contributions(String partnerId) {
        List<PartnerContribution> contributions = new ArrayList<>();
        for (PartnerContribution now : live.contributions(partnerId)) {
            foldedAgreement(now.agreementId())
                    .filter(then -> then.view().touchedPartners().contains(partnerId))
                    .map(then -> PartnerContribution.of(then.view(), partnerId, then.sequence()))
                    .ifPresent(contributions::add);
        }
        return contributions;
    }

    @Override
    public Map<String, List<PartnerContribution>> allContributions() {
        Map<String, List<PartnerContribution>> ledgers = new TreeMap<>();
        for (AgreementView agreement : live.agreements()) {
            foldedAgreement(agreement.id())
                    .ifPresent(then -> PartnerContribution.of(then.view(), then.sequence())
                            .forEach((partnerId, contribution) -> ledgers.computeIfAbsent(
                                            partnerId, id -> new ArrayList<>())
                                    .add(contribution)));
        }
        return ledgers;
    }

    private Optional<Versioned<PartnerView>> foldedPartner(String partnerId) {
        return partners.computeIfAbsent(partnerId, id -> {
            PartnerView view = null;
            long sequence = -1;
            for (Iterator<? extends DomainEventMessage<?>> events = recorded(id, 0); events.hasNext(); ) {
                DomainEventMessage<?> message = events.next();
                if (message.getPayload() instanceof PartnerEvent event) {
                    view = PartnerView.fold(view, event, message.getTimestamp());
                    sequence = message.getSequenceNumber();
                }
            }
            return view == null ? Optional.empty() : Optional.of(new Versioned<>(view, sequence));
        });
    }

    private Optional<Versioned<AgreementView>> foldedAgreement(String agreementId) {
        return agreements.computeIfAbsent(agreementId, id -> {
            // a checkpoint holds every event up to it; with a business date some must be left out
            Optional<Versioned<AgreementView>> checkpoint =
                    asOf == null || on != null ? Optional.empty() : checkpoints.latest(id, asOf);
            AgreementView view = checkpoint.map(Versioned::view).orElse(null);
            long sequence = checkpoint.map(Versioned::sequence).orElse(-1L);
            for (Iterator<? extends DomainEventMessage<?>> events = recorded(id, sequence + 1); events.hasNext(); ) {
                DomainEventMessage<?> message = events.next();
                if (message.getPayload() instanceof AgreementEvent event && BusinessDates.inEffect(event, on)) {
                    view = AgreementView.fold(view, event, message.getTimestamp());
                    sequence = message.getSequenceNumber();
                }
            }
            return view == null ? Optional.empty() : Optional.of(new Versioned<>(view, sequence));
        });
    }

    /**
     * The stream's events from {@code firstSequence} on that were recorded up to {@code asOf}, in
     * order (snapshots are not read).
     */
    private Iterator<? extends DomainEventMessage<?>> recorded(String aggregateId, long firstSequence) {
        return eventStore
                .readEvents(aggregateId, firstSequence)
                .asStream()
                .takeWhile(message -> asOf == null || !message.getTimestamp().isAfter(asOf))
                .iterator();
    }
}

package de.ikz.ledger.query.audit;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.EventEnvelope;
import de.ikz.ledger.api.agreement.AgreementDrafted;
import de.ikz.ledger.api.query.AgreementHistory;
import de.ikz.ledger.api.query.AuditPage;
import de.ikz.ledger.platform.events.Envelopes;
import de.ikz.ledger.platform.events.EventPositions;
import de.ikz.ledger.platform.web.LedgerProblemException;
import de.ikz.ledger.query.agreement.AgreementView;
import de.ikz.ledger.query.history.ViewSources;
import de.ikz.ledger.query.replay.EventStoreReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The history of an agreement and the audit log of the whole store, read through Axon's API. */
@Component
class AuditLog {

    private final EventStore eventStore;
    private final EventStoreReader reader;
    private final ViewSources views;
    private final ObjectProvider<EventPositions> positions;
    private final int scanBudget;

    AuditLog(
            EventStore eventStore,
            EventStoreReader reader,
            ViewSources views,
            ObjectProvider<EventPositions> positions,
            @Value("${ikz.audit.max-scan:10000}") int scanBudget) {
        this.eventStore = eventStore;
        this.reader = reader;
        this.views = views;
        this.positions = positions;
        this.scanBudget = scanBudget;
    }

    /** The agreement's events recorded up to {@code asOf} ({@code null}: all of them). */
    AgreementHistory history(String agreementId, Instant asOf) {
        List<? extends DomainEventMessage<?>> events = eventStore
                .readEvents(agreementId, 0)
                .asStream()
                .takeWhile(event -> asOf == null || !event.getTimestamp().isAfter(asOf))
                .toList();
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof AgreementDrafted)) {
            throw new LedgerProblemException(ErrorCode.AGREEMENT_NOT_FOUND, "No agreement " + agreementId + ".");
        }
        EventPositions known = positions.getIfAvailable();
        Map<Long, Long> at = known == null ? Map.of() : known.of(agreementId);
        return new AgreementHistory(
                agreementId,
                events.stream()
                        .map(event -> Envelopes.of(event, at.get(event.getSequenceNumber())))
                        .toList());
    }

    /**
     * One page of the events that match the filter, after {@code cursor}. A page reads at most
     * {@code ikz.audit.max-scan} events, so a sparse filter answers with fewer items and a cursor
     * to go on from, instead of reading the whole store in one request.
     */
    AuditPage page(AuditFilter filter, long cursor, int limit) {
        long head = reader.head();
        Set<String> streams = filter.partnerId() == null ? null : streamsConcerning(filter.partnerId());
        List<EventEnvelope> items = new ArrayList<>();
        long last = reader.scan(
                cursor,
                head,
                scanBudget,
                (message, position) -> {
                    if (message instanceof DomainEventMessage<?> event && filter.matches(event, streams)) {
                        items.add(Envelopes.of(event, position));
                    }
                    return items.size() < limit;
                },
                read -> {});
        return new AuditPage(items, last >= head ? null : Long.toString(last));
    }

    /** The partner's own stream and the streams of every agreement that touches it. */
    private Set<String> streamsConcerning(String partnerId) {
        Set<String> streams = new HashSet<>();
        streams.add(partnerId);
        for (AgreementView agreement : views.live().agreements()) {
            if (agreement.touchedPartners().contains(partnerId)) {
                streams.add(agreement.id());
            }
        }
        return streams;
    }

    /** Which events a page shows; {@code null} fields do not filter. */
    record AuditFilter(String partnerId, Set<String> types, Instant from, Instant to) {
        boolean matches(DomainEventMessage<?> event, Set<String> streams) {
            return (types == null || types.contains(event.getPayloadType().getSimpleName()))
                    && (streams == null || streams.contains(event.getAggregateIdentifier()))
                    && (from == null || !event.getTimestamp().isBefore(from))
                    && (to == null || event.getTimestamp().isBefore(to));
        }
    }
}

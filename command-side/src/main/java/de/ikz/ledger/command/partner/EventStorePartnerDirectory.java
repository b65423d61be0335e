package de.ikz.ledger.command.partner;

import de.ikz.ledger.api.partner.PartnerRegistered;
import de.ikz.ledger.command.domain.PartnerDirectory;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Answers from the partner's own event stream: its first event registers it, and kind and parent
 * never change afterwards, so one event answers the question. Works on the embedded store and on
 * Axon Server alike.
 */
@Component
class EventStorePartnerDirectory implements PartnerDirectory {

    private final EventStore eventStore;

    EventStorePartnerDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<PartnerRef> find(String partnerId) {
        if (partnerId == null) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(partnerId);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        if (first.getPayload() instanceof PartnerRegistered registered) {
            return Optional.of(new PartnerRef(registered.partnerId(), registered.kind(), registered.parentId()));
        }
        return Optional.empty();
    }
}

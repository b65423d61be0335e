package de.ikz.ledger.query.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Appends events to the event store as the command side would: numbered per aggregate stream. */
public final class EventLog {

    private final EventStore eventStore;
    private final Map<String, Long> nextSequence = new HashMap<>();

    public EventLog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Appends the events in order and answers the position of the last one. */
    public long append(List<StreamEvent> events) {
        for (StreamEvent event : events) {
            long sequence = nextSequence.merge(event.aggregateId(), 1L, Long::sum) - 1;
            publish(event, sequence);
        }
        return head();
    }

    public long append(StreamEvent event) {
        return append(List.of(event));
    }

    /** Delivers an event again under a sequence number its stream has used already. */
    public long redeliver(StreamEvent event, long sequence) {
        publish(event, sequence);
        return head();
    }

    /** The sequence number the last event of a stream got. */
    public long lastSequence(String aggregateId) {
        return nextSequence.get(aggregateId) - 1;
    }

    /** The position of the newest event in the store. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElseThrow();
    }

    private void publish(StreamEvent event, long sequence) {
        eventStore.publish(
                new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), sequence, event.payload()));
    }
}

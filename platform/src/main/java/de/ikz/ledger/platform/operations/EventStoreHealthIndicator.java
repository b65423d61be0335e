package de.ikz.ledger.platform.operations;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** The event store answers: it can tell its head position. */
public class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final EventStore eventStore;

    public EventStoreHealthIndicator(EventStore eventStore) {
        super("The event store does not answer");
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("headPosition", headPosition(eventStore.createHeadToken()));
    }

    /** The position of the newest event, -1 for an empty store. */
    static long headPosition(TrackingToken head) {
        return head == null ? -1 : head.position().orElse(-1);
    }
}

package de.ikz.ledger.platform.events;

import de.ikz.ledger.api.EventEnvelope;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;

/** Turns stored event messages into the envelopes of the HTTP API. */
public final class Envelopes {

    private static final RevisionResolver REVISIONS = new AnnotationRevisionResolver();

    private Envelopes() {}

    /** The envelope of a message; {@code position} is taken from a tracked message when not given. */
    public static EventEnvelope of(EventMessage<?> message, Long position) {
        Long at = position;
        if (at == null && message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            at = tracked.trackingToken().position().isPresent()
                    ? tracked.trackingToken().position().getAsLong()
                    : null;
        }
        String aggregateId = null;
        Long sequence = null;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Map<String, Object> metadata = new TreeMap<>(message.getMetaData());
        return new EventEnvelope(
                at,
                message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                REVISIONS.revisionOf(message.getPayloadType()),
                aggregateId,
                sequence,
                message.getTimestamp(),
                message.getPayload(),
                metadata);
    }
}

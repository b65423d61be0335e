package de.ikz.ledger.command.audit;

import de.ikz.ledger.platform.audit.ChainAnchors;
import de.ikz.ledger.platform.audit.ChainAnchors.Anchor;
import de.ikz.ledger.platform.audit.EventHashChain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Stamps every event an aggregate publishes with its chain hash and advances the chain's anchor.
 * Runs inside the command's transaction, so events and anchor are committed together or not at
 * all.
 */
class HashChainingInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private final EventHashChain chain;
    private final ChainAnchors anchors;

    HashChainingInterceptor(EventHashChain chain, ChainAnchors anchors) {
        this.chain = chain;
        this.anchors = anchors;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, String> heads = new HashMap<>();
        List<EventMessage<?>> stamped = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            if (message instanceof DomainEventMessage<?> event) {
                String aggregateId = event.getAggregateIdentifier();
                String previous = heads.computeIfAbsent(aggregateId, id -> previousHash(event));
                String hash = chain.hash(previous, event);
                heads.put(aggregateId, hash);
                anchors.advance(new Anchor(aggregateId, event.getSequenceNumber(), hash));
                stamped.add(event.andMetaData(Map.of(EventHashChain.HASH, hash)));
            } else {
                stamped.add(message);
            }
        }
        return (index, message) -> stamped.get(index);
    }

    private String previousHash(DomainEventMessage<?> event) {
        if (event.getSequenceNumber() == 0) {
            return EventHashChain.GENESIS;
        }
        return anchors.head(event.getAggregateIdentifier())
                .filter(anchor -> anchor.sequenceNumber() == event.getSequenceNumber() - 1)
                .map(Anchor::hash)
                .orElseThrow(() -> new ConcurrencyException("The stream " + event.getAggregateIdentifier()
                        + " is no longer at " + (event.getSequenceNumber() - 1) + "."));
    }
}

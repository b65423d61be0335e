package de.ikz.ledger.query.feed;

import de.ikz.ledger.api.agreement.AgreementDrafted;
import de.ikz.ledger.api.agreement.PartyAdmitted;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Who is a party of an agreement at a given event, read from the agreement's own stream in the
 * event store: the parties it was drafted with, and each admitted party from its admission on. The
 * answer for an event never changes, so the feed gives every reader the same events at every time,
 * whether or not the views have caught up or are being rebuilt. What was read is kept (for the most
 * recently used agreements) and only the newer part of a stream is read again.
 */
@Component
public class AgreementParties {

    static final int CACHED_AGREEMENTS = 10_000;

    private final EventStore eventStore;
    private final Map<String, Parties> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parties> eldest) {
            return size() > CACHED_AGREEMENTS;
        }
    };

    AgreementParties(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Whether {@code partnerId} is a party of the agreement at its event number {@code sequence}. */
    public boolean isPartyAt(String agreementId, long sequence, String partnerId) {
        Parties parties;
        synchronized (cache) {
            parties = cache.get(agreementId);
        }
        if (parties == null || parties.readThrough() < sequence) {
            Parties read = readOn(agreementId, parties);
            synchronized (cache) {
                parties = cache.merge(
                        agreementId, read, (old, fresh) -> fresh.readThrough() >= old.readThrough() ? fresh : old);
            }
        }
        return parties.isPartyAt(partnerId, sequence);
    }

    private Parties readOn(String agreementId, Parties known) {
        Map<String, Long> since = known == null ? new HashMap<>() : new HashMap<>(known.since());
        long readThrough = known == null ? -1 : known.readThrough();
        DomainEventStream stream = eventStore.readEvents(agreementId, readThrough + 1);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            long sequence = event.getSequenceNumber();
            readThrough = Math.max(readThrough, sequence);
            Class<?> type = event.getPayloadType();
            if (type == AgreementDrafted.class) {
                for (String party : ((AgreementDrafted) event.getPayload()).partyIds()) {
                    since.putIfAbsent(party, sequence);
                }
            } else if (type == PartyAdmitted.class) {
                since.putIfAbsent(((PartyAdmitted) event.getPayload()).partnerId(), sequence);
            }
        }
        return new Parties(Map.copyOf(since), readThrough);
    }

    /** The event number from which each party takes part, and how far the stream was read. */
    private record Parties(Map<String, Long> since, long readThrough) {
        boolean isPartyAt(String partnerId, long sequence) {
            Long from = since.get(partnerId);
            return from != null && from <= sequence;
        }
    }
}

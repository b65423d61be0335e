package de.ikz.ledger.api.query;

import de.ikz.ledger.api.EventEnvelope;
import java.util.List;

/** Every event of an agreement's stream, in stream order, with who recorded it and when. */
public record AgreementHistory(String agreementId, List<EventEnvelope> events) {
    public AgreementHistory {
        events = List.copyOf(events);
    }
}

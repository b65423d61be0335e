package de.ikz.ledger.api.query;

import de.ikz.ledger.api.EventEnvelope;
import java.util.List;

/**
 * One page of the audit log.
 *
 * @param next the cursor of the next page, or {@code null} when the log was read to its end
 */
public record AuditPage(List<EventEnvelope> items, String next) {
    public AuditPage {
        items = List.copyOf(items);
    }
}

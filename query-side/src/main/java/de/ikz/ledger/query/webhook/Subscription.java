package de.ikz.ledger.query.webhook;

import de.ikz.ledger.query.feed.EventFilter;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A push subscription as stored in {@code webhooks}.
 *
 * @param cursor the position of the event store up to which every matching event is delivered or
 *     parked as a dead letter
 * @param leaseOwner the process that delivers it now, until {@code leaseUntil} (epoch milliseconds)
 */
record Subscription(
        String id,
        String url,
        List<String> types,
        String partnerId,
        String secret,
        String owner,
        Instant createdAt,
        long cursor,
        String leaseOwner,
        long leaseUntil) {

    Subscription {
        types = List.copyOf(types);
    }

    EventFilter filter() {
        return new EventFilter(new LinkedHashSet<>(types), partnerId);
    }
}

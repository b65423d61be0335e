package de.ikz.ledger.query.feed;

import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * One page of the feed.
 *
 * @param events the events that pass the filter, in store order
 * @param lastPosition the position of the last event read, passed or not: the next page starts after
 *     it; the page's start when nothing was read
 * @param more whether the store holds further events the page did not read (limit or scan budget
 *     reached): the next page may follow at once
 * @param heldBack whether the page stopped before a position taken by a write still in flight: the
 *     next page is worth reading shortly, not only when new events arrive
 */
public record FeedPage(List<TrackedEventMessage<?>> events, long lastPosition, boolean more, boolean heldBack) {

    public FeedPage {
        events = List.copyOf(events);
    }

    static FeedPage nothingAfter(long position) {
        return new FeedPage(List.of(), position, false, false);
    }
}

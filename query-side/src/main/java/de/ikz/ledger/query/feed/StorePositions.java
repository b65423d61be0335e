package de.ikz.ledger.query.feed;

import java.util.Collections;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * A position of the event store as a tracking token of the kind the store reads: Axon Server and
 * the in-memory store count in {@link GlobalSequenceTrackingToken}s, the JDBC store in {@link
 * GapAwareTrackingToken}s. The store's own head token tells which.
 */
final class StorePositions {

    private StorePositions() {}

    /** A token from which the store streams the events after {@code position}. */
    static TrackingToken after(long position, TrackingToken ofTheSameStore) {
        if (ofTheSameStore instanceof GlobalSequenceTrackingToken) {
            return new GlobalSequenceTrackingToken(position);
        }
        if (ofTheSameStore instanceof GapAwareTrackingToken) {
            return new InStoreOrder(position);
        }
        throw new IllegalStateException("Cannot read the event store from a position: it counts in "
                + ofTheSameStore.getClass().getName());
    }

    /**
     * A JDBC position that the embedded event store reads from storage, in the order of positions.
     * A token equal to one in the store's shared cache of recently read events would be served from
     * that cache instead, in the order the events were read, where an event that committed late
     * comes after events with higher positions; a token of its own class equals none of them.
     */
    static final class InStoreOrder extends GapAwareTrackingToken {

        private static final long serialVersionUID = 1L;

        InStoreOrder(long position) {
            super(position, Collections.emptySortedSet());
        }
    }

    /** The position a token stands at. */
    static long of(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("A token without a position: " + token));
    }
}

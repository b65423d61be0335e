package de.ikz.ledger.platform.events;

import java.util.Map;

/**
 * The store positions of a stream's events, for answers that show a stream in order with each
 * event's position (reading a stream by its id does not tell them).
 */
public interface EventPositions {

    /** Sequence number to position, for every event of the stream. */
    Map<Long, Long> of(String aggregateId);
}

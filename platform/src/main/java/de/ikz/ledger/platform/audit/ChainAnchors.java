package de.ikz.ledger.platform.audit;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The anchored head of every aggregate's hash chain, kept apart from the events and written in the
 * same transaction as them, so that a stream cut short (its last events deleted) no longer
 * matches its anchor.
 */
public interface ChainAnchors {

    Optional<Anchor> head(String aggregateId);

    void advance(Anchor anchor);

    /** Every anchor; the caller closes the stream. */
    Stream<Anchor> all();

    /** The head of one chain: its last sequence number and that event's hash. */
    record Anchor(String aggregateId, long sequenceNumber, String hash) {}
}

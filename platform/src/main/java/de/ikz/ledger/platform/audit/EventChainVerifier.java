package de.ikz.ledger.platform.audit;

import java.util.function.LongConsumer;

/** Recomputes every hash chain of the event store and checks it against the anchored heads. */
public interface EventChainVerifier {

    /**
     * @param progress told the number of events checked so far, now and then
     */
    ChainReport verify(LongConsumer progress);

    /** What a verification found; {@code firstBrokenEvent} is {@code null} when the chains are intact. */
    record ChainReport(long eventsChecked, boolean chainIntact, BrokenEvent firstBrokenEvent) {}

    /** Where a chain breaks first, and why. {@code position} is {@code null} for a missing event. */
    record BrokenEvent(Long position, String eventId, String aggregateId, long sequenceNumber, String reason) {}
}

package de.ikz.ledger.query.processing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: waits until every view processor has processed a position of the event store,
 * that is until each of its segments stands at that position or beyond.
 */
@Component
public class ViewConsistency {

    private static final long POLL_MILLIS = 10;

    private final EventProcessingConfiguration processing;
    private final SharedTokenPositions shared;
    private final Duration maxWait;

    ViewConsistency(
            EventProcessingConfiguration processing,
            SharedTokenPositions shared,
            @Value("${ikz.consistency.max-wait:5s}") Duration maxWait) {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("ikz.consistency.max-wait must not be negative");
        }
        this.processing = processing;
        this.shared = shared;
        this.maxWait = maxWait;
    }

    /**
     * Waits at most {@code ikz.consistency.max-wait} for the views to include {@code position}.
     *
     * @return whether they do
     */
    public boolean await(long position) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!hasProcessed(position)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether every view processor has processed the event store up to {@code position}. */
    public boolean hasProcessed(long position) {
        for (String name : ViewProcessors.ALL) {
            Optional<StreamingEventProcessor> processor =
                    processing.eventProcessor(name, StreamingEventProcessor.class);
            if (processor.isEmpty()) {
                return false;
            }
            Map<Integer, EventTrackerStatus> local = processor.get().processingStatus();
            if (!local.isEmpty() && !hasProcessed(local, position)) {
                return false; // a segment held here is behind: no need to read the shared tokens
            }
            Map<Integer, OptionalLong> all = shared.of(name);
            boolean allHeldHere = all.isEmpty() || local.keySet().containsAll(all.keySet());
            if (allHeldHere ? !hasProcessed(local, position) : !hasProcessed(local, all, position)) {
                return false;
            }
        }
        return true;
    }

    /**
     * With segments held by other replicas: each segment held here by its live position, every
     * other by the position stored in the shared token store.
     */
    static boolean hasProcessed(
            Map<Integer, EventTrackerStatus> local, Map<Integer, OptionalLong> stored, long position) {
        for (Map.Entry<Integer, OptionalLong> segment : stored.entrySet()) {
            EventTrackerStatus here = local.get(segment.getKey());
            if (here != null) {
                if (here.isErrorState() || here.getCurrentPosition().orElse(Long.MIN_VALUE) < position) {
                    return false;
                }
            } else if (segment.getValue().orElse(Long.MIN_VALUE) < position) {
                return false;
            }
        }
        return !stored.isEmpty();
    }

    static boolean hasProcessed(Map<Integer, EventTrackerStatus> segments, long position) {
        if (segments.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : segments.values()) {
            if (segment.isErrorState() || segment.getCurrentPosition().orElse(Long.MIN_VALUE) < position) {
                return false;
            }
        }
        return true;
    }
}

package de.ikz.ledger.query.processing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
    private final Duration maxWait;

    ViewConsistency(
            EventProcessingConfiguration processing, @Value("${ikz.consistency.max-wait:5s}") Duration maxWait) {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("ikz.consistency.max-wait must not be negative");
        }
        this.processing = processing;
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
            if (processor.isEmpty() || !hasProcessed(processor.get().processingStatus(), position)) {
                return false;
            }
        }
        return true;
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

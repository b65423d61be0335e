package de.ikz.ledger.platform.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Every streaming event processor runs, has no segment in error, and is not too far behind the
 * event store: its lag (head position of the store minus the lowest position of its claimed
 * segments) is at most {@code ikz.health.max-processor-lag}. Details name each processor.
 */
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final Supplier<EventProcessingConfiguration> processing;
    private final EventStore eventStore;
    private final long maxLag;

    public EventProcessorsHealthIndicator(
            Supplier<EventProcessingConfiguration> processing, EventStore eventStore, long maxLag) {
        super("The event processors cannot be inspected");
        this.processing = processing;
        this.eventStore = eventStore;
        this.maxLag = maxLag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long head = EventStoreHealthIndicator.headPosition(eventStore.createHeadToken());
        Map<String, EventProcessor> processors = new TreeMap<>(processing.get().eventProcessors());
        boolean healthy = true;
        for (Map.Entry<String, EventProcessor> entry : processors.entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                Map<String, Object> details = inspect(streaming, head);
                healthy &= Status.UP.getCode().equals(details.get("status"));
                builder.withDetail(entry.getKey(), details);
            }
        }
        builder.status(healthy ? Status.UP : Status.DOWN)
                .withDetail("headPosition", head)
                .withDetail("maxLag", maxLag);
    }

    Map<String, Object> inspect(StreamingEventProcessor processor, long head) {
        Map<String, Object> details = new LinkedHashMap<>();
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        OptionalLong lowest = OptionalLong.empty();
        String problem = null;
        for (EventTrackerStatus segment : segments.values()) {
            if (segment.isErrorState()) {
                Throwable error = segment.getError();
                problem = "segment " + segment.getSegment().getSegmentId() + " in error"
                        + (error == null ? "" : ": " + error.getClass().getSimpleName());
            }
            long position = segment.getCurrentPosition().orElse(-1);
            lowest = OptionalLong.of(lowest.isPresent() ? Math.min(lowest.getAsLong(), position) : position);
        }
        details.put("running", processor.isRunning());
        details.put("replaying", processor.isReplaying());
        details.put("claimedSegments", segments.size());
        if (lowest.isPresent()) {
            long lag = Math.max(0, head - lowest.getAsLong());
            details.put("position", lowest.getAsLong());
            details.put("lag", lag);
            if (problem == null && lag > maxLag) {
                problem = "lag " + lag + " exceeds " + maxLag;
            }
        }
        if (problem == null && processor.isError()) {
            problem = "in error";
        }
        if (!processor.isRunning()) {
            problem = "not running";
        }
        details.put("status", problem == null ? Status.UP.getCode() : Status.DOWN.getCode());
        if (problem != null) {
            details.put("problem", problem);
        }
        return details;
    }
}

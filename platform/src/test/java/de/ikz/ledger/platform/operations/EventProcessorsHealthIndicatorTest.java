package de.ikz.ledger.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class EventProcessorsHealthIndicatorTest {

    private static final long MAX_LAG = 100;

    private final EventStore eventStore = mock(EventStore.class);
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final Map<String, EventProcessor> processors = new LinkedHashMap<>();
    private final EventProcessorsHealthIndicator indicator =
            new EventProcessorsHealthIndicator(() -> processing, eventStore, MAX_LAG);

    EventProcessorsHealthIndicatorTest() {
        when(processing.eventProcessors()).thenReturn(processors);
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(1000));
    }

    @Test
    void processorsThatRunAndKeepUpAreUp() {
        processors.put("partners", processor(true, false, segment(0, 1000), segment(1, 990)));
        processors.put("agreements", processor(true, false, segment(0, 1000)));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("headPosition", 1000L);
        assertThat(detailsOf(health, "partners"))
                .containsEntry("lag", 10L)
                .containsEntry("position", 990L)
                .containsEntry("claimedSegments", 2)
                .containsEntry("status", "UP");
    }

    @Test
    void aProcessorTooFarBehindTheEventStoreIsDown() {
        processors.put("partners", processor(true, false, segment(0, 1000)));
        processors.put("savings", processor(true, false, segment(0, 1000), segment(1, 899)));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(detailsOf(health, "savings"))
                .containsEntry("lag", 101L)
                .containsEntry("status", "DOWN")
                .containsEntry("problem", "lag 101 exceeds 100");
        assertThat(detailsOf(health, "partners")).containsEntry("status", "UP");
    }

    @Test
    void aProcessorThatDoesNotRunIsDown() {
        processors.put("partners", processor(false, false));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(detailsOf(health, "partners")).containsEntry("problem", "not running");
    }

    @Test
    void aProcessorWithASegmentInErrorIsDown() {
        EventTrackerStatus failing = segment(1, 1000);
        when(failing.isErrorState()).thenReturn(true);
        when(failing.getError()).thenReturn(new IllegalStateException("view store down"));
        processors.put("partners", processor(true, true, segment(0, 1000), failing));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(detailsOf(health, "partners")).containsEntry("problem", "segment 1 in error: IllegalStateException");
    }

    @Test
    void aRunningProcessorThatClaimedNoSegmentHereIsUp() {
        // another instance holds every segment
        processors.put("partners", processor(true, false));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(detailsOf(health, "partners"))
                .containsEntry("claimedSegments", 0)
                .doesNotContainKey("lag");
    }

    @Test
    void anEmptyEventStoreAndAProcessorAtItsStartAreUp() {
        when(eventStore.createHeadToken()).thenReturn(null);
        EventTrackerStatus atStart = segment(0, 0);
        when(atStart.getCurrentPosition()).thenReturn(OptionalLong.empty());
        processors.put("partners", processor(true, false, atStart));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(detailsOf(health, "partners")).containsEntry("lag", 0L);
    }

    @Test
    void processorsThatDoNotStreamAreNotJudged() {
        processors.put("sync", mock(SubscribingEventProcessor.class));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).doesNotContainKey("sync");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detailsOf(Health health, String processor) {
        return (Map<String, Object>) health.getDetails().get(processor);
    }

    private static StreamingEventProcessor processor(boolean running, boolean error, EventTrackerStatus... segments) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        Map<Integer, EventTrackerStatus> status = new LinkedHashMap<>();
        for (EventTrackerStatus segment : segments) {
            status.put(segment.getSegment().getSegmentId(), segment);
        }
        when(processor.processingStatus()).thenReturn(status);
        when(processor.isRunning()).thenReturn(running);
        when(processor.isError()).thenReturn(error);
        return processor;
    }

    private static EventTrackerStatus segment(int id, long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getSegment()).thenReturn(Segment.ROOT_SEGMENT.split()[id]);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }
}

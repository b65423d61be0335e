package de.ikz.ledger.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackerStatus;
import org.junit.jupiter.api.Test;

class ViewConsistencyTest {

    private static final Segment[] HALVES = Segment.ROOT_SEGMENT.split();

    @Test
    void aPositionIsProcessedWhenEverySegmentStandsAtItOrBeyond() {
        Map<Integer, EventTrackerStatus> segments = Map.of(0, at(0, 12), 1, at(1, 15));

        assertThat(ViewConsistency.hasProcessed(segments, 12)).isTrue();
        assertThat(ViewConsistency.hasProcessed(segments, 13)).isFalse();
    }

    @Test
    void aProcessorWithoutSegmentsOrWithoutAPositionHasProcessedNothing() {
        assertThat(ViewConsistency.hasProcessed(Map.of(), 0)).isFalse();
        assertThat(ViewConsistency.hasProcessed(Map.of(0, new TrackerStatus(HALVES[0], null)), 0))
                .isFalse();
    }

    @Test
    void aSegmentInErrorHoldsTheWait() {
        Map<Integer, EventTrackerStatus> segments =
                Map.of(0, at(0, 20).markError(new IllegalStateException("view store down")), 1, at(1, 20));

        assertThat(ViewConsistency.hasProcessed(segments, 12)).isFalse();
    }

    private static TrackerStatus at(int segment, long position) {
        return new TrackerStatus(HALVES[segment], new GlobalSequenceTrackingToken(position));
    }
}

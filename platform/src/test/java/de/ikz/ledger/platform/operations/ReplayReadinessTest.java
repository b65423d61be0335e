package de.ikz.ledger.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;

class ReplayReadinessTest {

    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    private final ReplayReadiness replays =
            new ReplayReadiness(event -> availability.onApplicationEvent((AvailabilityChangeEvent<?>) event));

    @Test
    void theServiceRefusesTrafficWhileAReplayRuns() {
        AvailabilityChangeEvent.publish(
                event -> availability.onApplicationEvent((AvailabilityChangeEvent<?>) event),
                this,
                ReadinessState.ACCEPTING_TRAFFIC);

        replays.begin("replay-1");
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        assertThat(replays.running()).containsExactly("replay-1");

        replays.end("replay-1");
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(replays.running()).isEmpty();
    }

    @Test
    void trafficReturnsOnlyWhenTheLastOfOverlappingReplaysEnds() {
        replays.begin("a");
        replays.begin("b");
        replays.begin("a");

        replays.end("a");
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);

        replays.end("b");
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void endingAReplayThatDidNotBeginChangesNothing() {
        replays.begin("a");

        replays.end("unknown");

        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
    }
}

package de.ikz.ledger.platform.operations;

import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Takes the service out of the load balancer while a replay rebuilds the views: readiness ({@code
 * /actuator/health/readiness}) refuses traffic from the first {@link #begin} until the last running
 * replay has {@link #end}ed. Liveness is not affected, so the service is not restarted meanwhile.
 */
public class ReplayReadiness {

    private static final Logger log = LoggerFactory.getLogger(ReplayReadiness.class);

    private final ApplicationEventPublisher events;
    private final Set<String> running = new TreeSet<>();

    public ReplayReadiness(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** A replay starts: readiness refuses traffic. Beginning the same replay twice changes nothing. */
    public synchronized void begin(String replayId) {
        if (running.add(replayId) && running.size() == 1) {
            log.info("Replay {} rebuilds the views: not ready for traffic until it ends", replayId);
            AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        }
    }

    /** A replay ends (done or failed): readiness accepts traffic again once no replay runs. */
    public synchronized void end(String replayId) {
        if (running.remove(replayId) && running.isEmpty()) {
            log.info("Replay {} ended: ready for traffic", replayId);
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    /** The ids of the replays running now. */
    public synchronized Set<String> running() {
        return Set.copyOf(running);
    }
}

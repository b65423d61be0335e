package de.ikz.ledger.query.replay;

import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads the event store in order, through Axon's API, so that it works on Axon Server too. */
@Component
public class EventStoreReader {

    private final EventStore eventStore;

    EventStoreReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The position of the newest event, or -1 for an empty store. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * Folds every domain event after {@code after} up to and including {@code until} into {@code
     * views}, telling {@code progress} the number of events read now and then.
     */
    public void replay(long after, long until, ReplayedViews views, LongConsumer progress) {
        read(
                after,
                until,
                (message, position) -> {
                    if (message instanceof DomainEventMessage<?> domain) {
                        views.apply(domain.getPayload(), domain.getSequenceNumber(), domain.getTimestamp(), position);
                    }
                },
                progress);
    }

    /** Hands every event after {@code after} up to and including {@code until} to {@code each}, in order. */
    public void read(long after, long until, EventConsumer each, LongConsumer progress) {
        scan(
                after,
                until,
                Long.MAX_VALUE,
                (message, position) -> {
                    each.accept(message, position);
                    return true;
                },
                progress);
    }

    /**
     * Hands the events after {@code after}, up to and including {@code until}, to {@code each} in
     * order, until it answers {@code false} or {@code limit} events were read.
     *
     * @return the position of the last event read, or {@code after} when none was
     */
    public long scan(long after, long until, long limit, EventVisitor each, LongConsumer progress) {
        if (until <= after || limit <= 0) {
            return after;
        }
        TrackingToken start = after < 0 ? null : tokenAt(after);
        long read = 0;
        long position = after;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
            while (position < until && read < limit) {
                if (!stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                    break;
                }
                TrackedEventMessage<?> message = stream.peek().orElseThrow();
                long next = message.trackingToken().position().orElse(position + 1);
                if (next > until) {
                    break;
                }
                stream.nextAvailable();
                position = next;
                read++;
                if (read % 1000 == 0) {
                    progress.accept(read);
                }
                if (!each.visit(message, position)) {
                    break;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", interrupted);
        }
        progress.accept(read);
        return position;
    }

    /**
     * A token that starts reading after {@code position}, of the kind the store works with: the JDBC
     * store tracks gaps, Axon Server counts a global sequence.
     */
    public TrackingToken tokenAt(long position) {
        TrackingToken head = eventStore.createHeadToken();
        if (head instanceof GapAwareTrackingToken) {
            return GapAwareTrackingToken.newInstance(position, java.util.Collections.emptySet());
        }
        return new GlobalSequenceTrackingToken(position);
    }

    /** Receives one stored event and its position; answers whether to go on. */
    @FunctionalInterface
    public interface EventVisitor {
        boolean visit(TrackedEventMessage<?> message, long position);
    }

    /** Receives one stored event and its position. */
    @FunctionalInterface
    public interface EventConsumer {
        void accept(TrackedEventMessage<?> message, long position);
    }
}

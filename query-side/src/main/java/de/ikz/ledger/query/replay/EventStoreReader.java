package de.ikz.ledger.query.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
     * views}, telling {@code progress} the number of events read now and then. Two threads share
     * the work: this one reads the store, a second one deserializes the payloads and folds them,
     * handed over in batches through a bounded queue, so that a replay uses two cores.
     */
    public void replay(long after, long until, ReplayedViews views, LongConsumer progress) {
        Folder folder = new Folder(views);
        Thread thread = new Thread(folder, Thread.currentThread().getName() + "-fold");
        thread.setDaemon(true);
        thread.start();
        try {
            read(after, until, folder::accept, progress);
            folder.finish();
        } finally {
            folder.stop();
            try {
                thread.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while folding the event store", interrupted);
            }
        }
        folder.rethrow();
    }

    /** Folds the events handed to it, batch by batch, on a thread of its own. */
    private static final class Folder implements Runnable {

        private static final int BATCH = 1_000;
        private static final List<Event> END = List.of();

        private final ReplayedViews views;
        private final BlockingQueue<List<Event>> batches = new ArrayBlockingQueue<>(16);
        private volatile Throwable failure;
        private volatile boolean stopped;
        private List<Event> batch = new ArrayList<>(BATCH);

        Folder(ReplayedViews views) {
            this.views = views;
        }

        /** Takes one event on the reading thread. */
        void accept(TrackedEventMessage<?> message, long position) {
            if (message instanceof DomainEventMessage<?> domain) {
                batch.add(new Event(domain, position));
                if (batch.size() == BATCH) {
                    hand(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        }

        /** Hands the last batch over and waits until every event is folded. */
        void finish() {
            hand(batch);
            hand(END);
        }

        /** Ends the folding thread even when the read failed. */
        void stop() {
            stopped = true;
        }

        private void hand(List<Event> events) {
            try {
                while (!batches.offer(events, 100, TimeUnit.MILLISECONDS)) {
                    rethrow();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the event store", interrupted);
            }
            rethrow();
        }

        void rethrow() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            } else if (failure instanceof Error error) {
                throw error;
            } else if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    List<Event> events = batches.poll(100, TimeUnit.MILLISECONDS);
                    if (events == END || (events == null && stopped)) {
                        return;
                    }
                    if (events != null) {
                        for (Event event : events) {
                            DomainEventMessage<?> message = event.message();
                            views.apply(
                                    message.getPayload(),
                                    message.getSequenceNumber(),
                                    message.getTimestamp(),
                                    event.position());
                        }
                    }
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        private record Event(DomainEventMessage<?> message, long position) {}
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

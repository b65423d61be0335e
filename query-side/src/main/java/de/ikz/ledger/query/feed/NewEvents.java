package de.ikz.ledger.query.feed;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells readers that wait at the head of the event store that new events may be there: at once when
 * this process stored them (after their commit), and within {@code ikz.events.poll-interval} when
 * another process did (the command side behind Axon Server). Only while someone waits does one
 * thread look at the store's head, however many wait.
 */
@Component
public class NewEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NewEvents.class);

    private final EventStore eventStore;
    private final Duration pollInterval;
    private final Object news = new Object();
    private final Object poll = new Object();
    private final AtomicInteger waiting = new AtomicInteger();
    private long version;
    private volatile boolean running;
    private Thread poller;
    private Registration subscription;

    NewEvents(EventStore eventStore, FeedSettings settings) {
        this.eventStore = eventStore;
        this.pollInterval = settings.pollInterval();
    }

    /** A number that changes whenever new events may have been stored; compare it after a wait. */
    public long version() {
        synchronized (news) {
            return version;
        }
    }

    /**
     * Waits at most {@code max} for new events after {@code seen} (a {@link #version()}); returns
     * earlier when they may be there, or when {@link #wakeAll()} is called and {@code wanted} no longer
     * holds.
     */
    public void await(long seen, Duration max, BooleanSupplier wanted) throws InterruptedException {
        if (max.isNegative() || max.isZero()) {
            return;
        }
        waiting.incrementAndGet();
        try {
            synchronized (poll) {
                poll.notifyAll();
            }
            long deadline = System.nanoTime() + max.toNanos();
            synchronized (news) {
                long left = deadline - System.nanoTime();
                while (version == seen && running && wanted.getAsBoolean() && left > 0) {
                    TimeUnit.NANOSECONDS.timedWait(news, left);
                    left = deadline - System.nanoTime();
                }
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Wakes every waiting reader, for example to let one of them notice that it is closed. */
    public void wakeAll() {
        synchronized (news) {
            news.notifyAll();
        }
    }

    void nudge() {
        synchronized (news) {
            version++;
            news.notifyAll();
        }
    }

    private boolean someoneWaits() {
        return waiting.get() > 0;
    }

    private void watchHead() {
        long lastHead = Long.MIN_VALUE;
        while (running) {
            try {
                synchronized (poll) {
                    while (running && !someoneWaits()) {
                        poll.wait(1000);
                    }
                }
                if (!running) {
                    return;
                }
                TrackingToken token = eventStore.createHeadToken();
                long head = token == null ? -1 : token.position().orElse(-1);
                if (head != lastHead) {
                    lastHead = head;
                    nudge();
                }
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Cannot read the head of the event store: {}", e.toString());
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        subscription = eventStore.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> nudge());
            } else {
                nudge();
            }
        });
        poller = new Thread(this::watchHead, "ikz-new-events");
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public void stop() {
        running = false;
        if (subscription != null) {
            subscription.cancel();
        }
        synchronized (poll) {
            poll.notifyAll();
        }
        wakeAll();
        if (poller != null) {
            try {
                poller.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the streams and the webhook worker that wait on it, before Axon's event store. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}

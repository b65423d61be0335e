package de.ikz.ledger.query.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads the event store page by page through Axon's API only, so it works on the embedded store and
 * on Axon Server alike; every page opens its own stream and closes it. A page reads at most a
 * bounded number of events however few pass its filter, and tells the position of the last event
 * it read, so that a reader that pages on from there sees every event exactly once, in order.
 *
 * <p>A position taken by a write that has not committed yet (a gap in the JDBC store's positions)
 * ends the page before it, until the write commits or, once this process has seen the gap for
 * {@code ikz.events.gap-wait}, counts as rolled back: otherwise a reader could pass the position
 * before its event becomes visible. A page that stops at a gap reads on to the head to notice every
 * other gap there, so that their waits run at the same time. Gaps older than the event store's own
 * gap timeout (Axon's JDBC store: one minute) are no longer reported and pass at once.
 */
@Component
public class EventFeed {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** How long to wait for an event the store is known to hold (Axon Server streams asynchronously). */
    private static final long READ_WAIT_MILLIS = 10_000;

    private static final int MAX_GAPS_SEEN = 100_000;
    private static final long FORGET_GAPS_AFTER_NANOS = TimeUnit.MINUTES.toNanos(2);

    private final EventStore eventStore;
    private final AgreementParties parties;
    private final FeedSettings settings;
    /** When this process first saw each gap of the store's positions ({@link System#nanoTime()}). */
    private final Map<Long, Long> gapsSeen = new ConcurrentHashMap<>();

    EventFeed(EventStore eventStore, AgreementParties parties, FeedSettings settings) {
        this.eventStore = eventStore;
        this.parties = parties;
        this.settings = settings;
    }

    /** The position of the newest event in the store, {@code -1} when it holds none. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * The events after {@code after} ({@code -1}: from the first) that pass {@code filter}, at most
     * {@code limit} of them.
     */
    public FeedPage read(long after, int limit, EventFilter filter) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
        TrackingToken head = eventStore.createHeadToken();
        if (head == null
                || head.position().isEmpty()
                || after >= head.position().getAsLong()) {
            return FeedPage.nothingAfter(after);
        }
        long headPosition = head.position().getAsLong();
        int budget = settings.scanBudget(limit);
        TrackingToken start = after < 0 ? null : StorePositions.after(after, head);
        List<TrackedEventMessage<?>> passed = new ArrayList<>();
        long last = after;
        int scanned = 0;
        boolean heldBack = false;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
            while (passed.size() < limit && scanned < budget && last < headPosition) {
                if (!stream.hasNextAvailable((int) READ_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    break;
                }
                TrackedEventMessage<?> message = stream.nextAvailable();
                long position = StorePositions.of(message.trackingToken());
                noteGaps(message.trackingToken());
                if (position <= last) {
                    // a write that committed after its position was passed as rolled back
                    continue;
                }
                if (behindWriteInFlight(message.trackingToken(), last)) {
                    heldBack = true;
                    lookAhead(stream, headPosition, budget - scanned);
                    break;
                }
                scanned++;
                last = position;
                if (filter.matches(message, parties)) {
                    passed.add(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", e);
        }
        forgetOldGaps();
        return new FeedPage(passed, last, !heldBack && last < headPosition, heldBack);
    }

    /**
     * Whether a position between {@code last} and the event of {@code token} is taken by a write
     * that may still commit: the store reports a gap there, first noticed less than the gap wait
     * ago.
     */
    private boolean behindWriteInFlight(TrackingToken token, long last) {
        if (!(token instanceof GapAwareTrackingToken gapAware) || gapAware.getIndex() <= last + 1) {
            return false;
        }
        long now = System.nanoTime();
        for (Long gap : gapAware.getGaps().subSet(last + 1, gapAware.getIndex())) {
            Long since = gapsSeen.get(gap);
            if (since == null || now - since < settings.gapWait().toNanos()) {
                return true;
            }
        }
        return false;
    }

    /** Notes when each gap of the token was first seen, so that its wait starts at once. */
    private void noteGaps(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware
                && !gapAware.getGaps().isEmpty()) {
            long now = System.nanoTime();
            for (Long gap : gapAware.getGaps()) {
                gapsSeen.putIfAbsent(gap, now);
            }
        }
    }

    /** Reads on to the head without passing anything, to notice every gap up there now. */
    private void lookAhead(BlockingStream<TrackedEventMessage<?>> stream, long headPosition, int budget)
            throws InterruptedException {
        for (int read = 0; read < budget && stream.hasNextAvailable(); read++) {
            TrackedEventMessage<?> message = stream.nextAvailable();
            noteGaps(message.trackingToken());
            if (StorePositions.of(message.trackingToken()) >= headPosition) {
                return;
            }
        }
    }

    private void forgetOldGaps() {
        if (gapsSeen.size() > MAX_GAPS_SEEN / 2) {
            long now = System.nanoTime();
            long keep = Math.max(settings.gapWait().toNanos() * 2, FORGET_GAPS_AFTER_NANOS);
            gapsSeen.values().removeIf(since -> now - since > keep);
            if (gapsSeen.size() > MAX_GAPS_SEEN) {
                gapsSeen.clear();
            }
        }
    }
}

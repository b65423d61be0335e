package de.ikz.ledger.query.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.platform.events.Envelopes;
import de.ikz.ledger.platform.web.LedgerProblemException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live streams ({@code GET /api/events/stream}). Each stream has a thread of its own that reads
 * the event store from the stream's position one page at a time (at most {@code
 * ikz.events.stream-buffer} events in memory) and writes them to its client: a slow client slows
 * only its own stream. At the head of the store the thread waits for new events, and sends a
 * heartbeat comment when it has sent nothing for {@code ikz.events.heartbeat}. At most {@code
 * ikz.events.max-streams} streams are open at a time.
 */
@Component
public class EventStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    /** Threads of streams that just ended may not be back in the pool yet. */
    private static final int SPARE_THREADS = 8;

    private final EventFeed feed;
    private final NewEvents newEvents;
    private final FeedSettings settings;
    private final ObjectWriter json;
    private final ThreadPoolExecutor threads;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger numbers = new AtomicInteger();
    private volatile boolean running;

    EventStreams(EventFeed feed, NewEvents newEvents, FeedSettings settings, ObjectMapper objectMapper) {
        this.feed = feed;
        this.newEvents = newEvents;
        this.settings = settings;
        this.json = objectMapper.writer().without(SerializationFeature.INDENT_OUTPUT);
        this.threads = new ThreadPoolExecutor(
                0, settings.maxStreams() + SPARE_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "ikz-event-stream-" + numbers.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Opens a stream of the events after {@code after} that pass {@code filter}.
     *
     * @throws LedgerProblemException {@code 503 SERVICE_UNAVAILABLE} when the most streams are open
     */
    public SseEmitter open(long after, EventFilter filter) {
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        Connection connection = new Connection(emitter, after, filter);
        synchronized (open) {
            if (!running || open.size() >= settings.maxStreams()) {
                throw new LedgerProblemException(
                        ErrorCode.SERVICE_UNAVAILABLE,
                        "At most " + settings.maxStreams() + " event streams are open at a time; retry later"
                                + " or read the feed GET /api/events.");
            }
            open.add(connection);
        }
        emitter.onCompletion(connection::end);
        emitter.onTimeout(connection::end);
        emitter.onError(error -> connection.end());
        try {
            threads.execute(connection);
        } catch (RejectedExecutionException full) {
            open.remove(connection);
            throw new LedgerProblemException(ErrorCode.SERVICE_UNAVAILABLE, "No event stream can be opened now.");
        }
        return emitter;
    }

    /** How many streams are open now. */
    public int openStreams() {
        return open.size();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream (its client reconnects elsewhere or later), before the web server stops. */
    @Override
    public void stop() {
        running = false;
        for (Connection connection : open) {
            connection.end();
        }
        newEvents.wakeAll();
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** One client's stream and the thread that feeds it. */
    private final class Connection implements Runnable {

        private final SseEmitter emitter;
        private final EventFilter filter;
        private volatile boolean closed;
        private long cursor;
        private long lastSentId;
        private long lastWrite;

        Connection(SseEmitter emitter, long after, EventFilter filter) {
            this.emitter = emitter;
            this.filter = filter;
            this.cursor = after;
            this.lastSentId = after;
        }

        @Override
        public void run() {
            try {
                lastWrite = System.nanoTime();
                // tells the client at once that the stream is open
                emitter.send(SseEmitter.event().comment("stream after " + cursor));
                pump();
            } catch (IOException | IllegalStateException gone) {
                // the client went away, or the stream timed out or completed meanwhile
                log.debug("Event stream ended: {}", gone.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Event stream failed", e);
            } finally {
                end();
                open.remove(this);
            }
        }

        private void pump() throws IOException, InterruptedException {
            boolean read = true;
            long retryAt = Long.MAX_VALUE;
            long seen = newEvents.version();
            while (!closed && running) {
                if (read) {
                    seen = newEvents.version();
                    FeedPage page = feed.read(cursor, settings.streamBuffer(), filter);
                    for (TrackedEventMessage<?> message : page.events()) {
                        send(message);
                    }
                    cursor = page.lastPosition();
                    if (page.more()) {
                        heartbeatIfDue();
                        continue;
                    }
                    retryAt = page.heldBack()
                            ? System.nanoTime() + settings.pollInterval().toNanos()
                            : Long.MAX_VALUE;
                    read = false;
                }
                heartbeatIfDue();
                long untilHeartbeat = lastWrite + settings.heartbeat().toNanos() - System.nanoTime();
                long untilRetry = retryAt == Long.MAX_VALUE ? Long.MAX_VALUE : retryAt - System.nanoTime();
                newEvents.await(
                        seen, Duration.ofNanos(Math.max(1, Math.min(untilHeartbeat, untilRetry))), () -> !closed);
                read = newEvents.version() != seen || System.nanoTime() - retryAt >= 0;
            }
        }

        private void send(TrackedEventMessage<?> message) throws IOException {
            var envelope = Envelopes.of(message, null);
            String data;
            try {
                data = json.writeValueAsString(envelope);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write the event " + envelope.eventId(), e);
            }
            emitter.send(SseEmitter.event()
                    .id(Long.toString(envelope.position()))
                    .name(envelope.type())
                    .data(data, MediaType.APPLICATION_JSON));
            lastSentId = envelope.position();
            lastWrite = System.nanoTime();
        }

        /**
         * A comment; when the filter passed over events since the last one sent, it also carries the
         * position reached as {@code id}, so that a client resumes from there (an {@code EventSource}
         * keeps it as its last event id without firing an event).
         */
        private void heartbeatIfDue() throws IOException {
            if (System.nanoTime() - lastWrite < settings.heartbeat().toNanos()) {
                return;
            }
            SseEmitter.SseEventBuilder heartbeat = SseEmitter.event().comment("heartbeat");
            if (cursor > lastSentId) {
                heartbeat.id(Long.toString(cursor));
                lastSentId = cursor;
            }
            emitter.send(heartbeat);
            lastWrite = System.nanoTime();
        }

        /**
         * Ends the stream: completes the response (if it is not complete yet) and lets the stream's
         * thread stop, which frees the stream's place.
         */
        void end() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                emitter.complete();
            } catch (RuntimeException ignored) {
                // completed already
            }
            newEvents.wakeAll();
        }
    }
}

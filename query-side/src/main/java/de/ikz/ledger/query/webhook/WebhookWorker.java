package de.ikz.ledger.query.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.ikz.ledger.api.EventEnvelope;
import de.ikz.ledger.platform.events.Envelopes;
import de.ikz.ledger.query.feed.EventFeed;
import de.ikz.ledger.query.feed.FeedPage;
import de.ikz.ledger.query.webhook.WebhookSender.Outcome;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers the events of every subscription, in order, at least once. It reads the event store
 * itself from each subscription's cursor (never through the view processors, so rebuilding the
 * views fires no webhook again), keeps each subscription's progress in MongoDB, and delivers one
 * event of a subscription at a time: the next matching event waits until the one before it is
 * delivered or, after {@code ikz.webhooks.max-attempts} failed attempts with growing waits, parked
 * as a dead letter. A subscription is delivered by one process at a time, the one holding its
 * lease.
 */
@Component
class WebhookWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

    /** Events read from the store per page of one subscription. */
    static final int PAGE = 50;
    /** Pages one run of a subscription handles before it gives the thread to the next one. */
    static final int PAGES_PER_RUN = 4;
    /** Redeliveries one run sends. */
    static final int REDELIVERIES_PER_RUN = 10;

    private static final long PRUNE_EVERY_MILLIS = 600_000;

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final EventFeed feed;
    private final WebhookSettings settings;
    private final Clock clock;
    private final ObjectWriter json;
    private final String node = nodeName();
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final AtomicInteger numbers = new AtomicInteger();
    private volatile boolean running;
    private ScheduledExecutorService dispatcher;
    private ThreadPoolExecutor workers;
    private WebhookSender sender;
    private long lastPrune;

    WebhookWorker(
            Subscriptions subscriptions,
            Deliveries deliveries,
            EventFeed feed,
            WebhookSettings settings,
            Clock clock,
            ObjectMapper objectMapper) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.feed = feed;
        this.settings = settings;
        this.clock = clock;
        this.json = objectMapper.writer().without(SerializationFeature.INDENT_OUTPUT);
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("Webhook deliveries are off in this process (ikz.webhooks.enabled=false)");
            return;
        }
        sender = new WebhookSender(settings);
        workers = new ThreadPoolExecutor(
                settings.threads(),
                settings.threads(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.threads()),
                runnable -> daemon(runnable, "ikz-webhook-" + numbers.incrementAndGet()));
        dispatcher = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "ikz-webhook-dispatch"));
        running = true;
        dispatcher.scheduleWithFixedDelay(
                this::dispatch, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        dispatcher.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                workers.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            subscriptions.release(node);
        } catch (RuntimeException e) {
            log.warn("Cannot give up the webhook leases of {}: {}", node, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the event store and MongoDB it works with. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** Hands every subscription not in work here to a worker thread. */
    private void dispatch() {
        try {
            pruneNowAndThen();
            for (String id : subscriptions.ids()) {
                submit(id);
            }
        } catch (RuntimeException e) {
            log.warn("Cannot look up the webhook subscriptions: {}", e.toString());
        }
    }

    private void submit(String id) {
        if (!running || !busy.add(id)) {
            return;
        }
        try {
            workers.execute(() -> {
                boolean more = false;
                try {
                    more = run(id);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.warn("Webhook {}: delivery run failed, retried: {}", id, e.toString());
                } finally {
                    busy.remove(id);
                }
                if (more) {
                    submit(id);
                }
            });
        } catch (RejectedExecutionException full) {
            // every worker is busy: the next round takes it up
            busy.remove(id);
        }
    }

    /**
     * One run for one subscription: due redeliveries, then the events after its cursor, in order.
     *
     * @return whether more is waiting right away
     */
    boolean run(String id) throws InterruptedException {
        Optional<Subscription> claimed = claim(id);
        if (claimed.isEmpty()) {
            return false;
        }
        Subscription subscription = claimed.get();
        for (Delivery redelivery : deliveries.redeliveriesDue(id, clock.millis(), REDELIVERIES_PER_RUN)) {
            if (attempt(subscription, redelivery) == Result.LOST) {
                return false;
            }
        }
        Optional<Delivery> inLine = deliveries.inLine(id);
        if (inLine.isPresent()) {
            Delivery waiting = inLine.get();
            if (waiting.nextAttemptAt() != null && waiting.nextAttemptAt() > clock.millis()) {
                return false;
            }
            Result result = attempt(subscription, waiting);
            if (result == Result.RETRY_LATER || result == Result.LOST) {
                return false;
            }
        }
        long cursor = subscriptions.find(id).map(Subscription::cursor).orElse(Long.MAX_VALUE);
        for (int pages = 0; pages < PAGES_PER_RUN && running; pages++) {
            if (feed.head() <= cursor) {
                return false;
            }
            FeedPage page = feed.read(cursor, PAGE, subscription.filter());
            for (TrackedEventMessage<?> event : page.events()) {
                Delivery delivery = open(subscription, event);
                if (!delivery.isTerminal()) {
                    Result result = attempt(subscription, delivery);
                    if (result == Result.RETRY_LATER || result == Result.LOST) {
                        return false;
                    }
                }
                subscriptions.advance(id, node, delivery.position());
            }
            cursor = page.lastPosition();
            subscriptions.advance(id, node, cursor);
            if (!page.more()) {
                return false;
            }
            if (claim(id).isEmpty()) {
                return false;
            }
        }
        return running;
    }

    private enum Result {
        DELIVERED,
        DEAD_LETTER,
        RETRY_LATER,
        LOST
    }

    private Result attempt(Subscription subscription, Delivery delivery) throws InterruptedException {
        if (claim(subscription.id()).isEmpty()) {
            return Result.LOST;
        }
        int attempt = delivery.attempts() + 1;
        Outcome outcome = sender.post(subscription, delivery, attempt);
        Instant now = clock.instant();
        if (outcome.delivered()) {
            deliveries.delivered(delivery, attempt, outcome.status(), now);
            if (!delivery.redelivery()) {
                subscriptions.advance(subscription.id(), node, delivery.position());
            }
            return Result.DELIVERED;
        }
        if (attempt >= settings.maxAttempts()) {
            deliveries.deadLetter(delivery, attempt, outcome.status(), outcome.error(), now);
            log.warn(
                    "Webhook {}: the event at position {} failed {} times and is parked as dead letter {}: {}",
                    subscription.id(),
                    delivery.position(),
                    attempt,
                    delivery.id(),
                    outcome.error());
            if (!delivery.redelivery()) {
                subscriptions.advance(subscription.id(), node, delivery.position());
            }
            return Result.DEAD_LETTER;
        }
        Instant next = now.plus(settings.backoff(attempt));
        deliveries.retryLater(delivery, attempt, outcome.status(), outcome.error(), now, next);
        log.debug(
                "Webhook {}: attempt {} of {} failed ({}), next at {}",
                subscription.id(),
                attempt,
                delivery.id(),
                outcome.error(),
                next);
        return Result.RETRY_LATER;
    }

    private Delivery open(Subscription subscription, TrackedEventMessage<?> event) {
        EventEnvelope envelope = Envelopes.of(event, null);
        String body;
        try {
            body = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the event " + envelope.eventId(), e);
        }
        return deliveries.open(
                subscription.id(), envelope.position(), envelope.eventId(), envelope.type(), body, clock.instant());
    }

    private Optional<Subscription> claim(String id) {
        return subscriptions.claim(id, node, clock.millis(), settings.lease().toMillis());
    }

    private void pruneNowAndThen() {
        long now = clock.millis();
        if (now - lastPrune < PRUNE_EVERY_MILLIS) {
            return;
        }
        lastPrune = now;
        long pruned = deliveries.prune(clock.instant().minus(settings.keepDelivered()));
        if (pruned > 0) {
            log.info("Forgot {} webhook deliveries delivered more than {} ago", pruned, settings.keepDelivered());
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static String nodeName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    }
}

package de.ikz.ledger.query.webhook;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.platform.security.Actor;
import de.ikz.ledger.platform.security.LedgerRole;
import de.ikz.ledger.platform.web.LedgerProblemException;
import de.ikz.ledger.platform.web.Problems;
import de.ikz.ledger.platform.web.Problems.FieldError;
import de.ikz.ledger.query.feed.EventFeed;
import de.ikz.ledger.query.feed.EventFilter;
import de.ikz.ledger.query.webhook.Delivery.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Push subscriptions: {@code POST /api/webhooks}, their deliveries, redeliveries, and {@code DELETE}.
 * An integrator sees and changes only the subscriptions it made; an admin sees all. The secret is
 * never answered.
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    static final int DEFAULT_DELIVERIES = 50;
    static final int MAX_DELIVERIES = 500;

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final EventFeed feed;
    private final Clock clock;

    WebhookController(Subscriptions subscriptions, Deliveries deliveries, EventFeed feed, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.feed = feed;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> subscribe(@Valid @RequestBody CreateWebhook request) {
        List<FieldError> errors = request.problems();
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.invalid(ErrorCode.INVALID_REQUEST, errors));
        }
        String id = UUID.randomUUID().toString();
        long cursor = request.after() != null ? request.after() : feed.head();
        subscriptions.create(new Subscription(
                id,
                request.url().trim(),
                List.copyOf(new LinkedHashSet<>(request.types())),
                request.partnerId(),
                request.secret(),
                Actor.current().name(),
                clock.instant(),
                cursor,
                null,
                0));
        return ResponseEntity.created(URI.create("/api/webhooks/" + id)).body(Map.of("id", id));
    }

    @GetMapping
    List<WebhookAnswer> list() {
        Actor actor = Actor.current();
        return subscriptions.findAll().stream()
                .filter(s -> mayAccess(actor, s))
                .map(this::answer)
                .toList();
    }

    @GetMapping("/{id}")
    WebhookAnswer find(@PathVariable String id) {
        return answer(owned(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        owned(id);
        subscriptions.delete(id);
        deliveries.deleteAll(id);
        return ResponseEntity.noContent().build();
    }

    /**
     * The latest deliveries, highest position first; {@code status} narrows them to {@code PENDING},
     * {@code DELIVERED} or {@code DEAD_LETTER}.
     */
    @GetMapping("/{id}/deliveries")
    DeliveriesAnswer deliveries(
            @PathVariable String id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit) {
        Subscription subscription = owned(id);
        int max = limit == null ? DEFAULT_DELIVERIES : limit;
        if (max < 1 || max > MAX_DELIVERIES) {
            throw new LedgerProblemException(ErrorCode.INVALID_PARAMETER, "limit must be 1 to " + MAX_DELIVERIES + ".");
        }
        List<DeliveryAnswer> items = deliveries.recent(id, status(status), max).stream()
                .map(DeliveryAnswer::of)
                .toList();
        return new DeliveriesAnswer(id, subscription.cursor(), items);
    }

    /** Sends a delivered or parked delivery again (out of order), with a fresh count of attempts. */
    @PostMapping("/{id}/deliveries/{deliveryId}/redelivery")
    ResponseEntity<DeliveryAnswer> redeliver(@PathVariable String id, @PathVariable String deliveryId) {
        owned(id);
        Delivery delivery = deliveries
                .find(deliveryId)
                .filter(d -> d.webhookId().equals(id))
                .orElseThrow(() -> new LedgerProblemException(
                        ErrorCode.RESOURCE_NOT_FOUND, "No delivery " + deliveryId + " of webhook " + id + "."));
        if (delivery.isTerminal()) {
            deliveries.requestRedelivery(deliveryId, clock.instant());
        }
        Delivery now = deliveries.find(deliveryId).orElse(delivery);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryAnswer.of(now));
    }

    private Subscription owned(String id) {
        Actor actor = Actor.current();
        return subscriptions
                .find(id)
                .filter(s -> mayAccess(actor, s))
                .orElseThrow(() -> new LedgerProblemException(ErrorCode.RESOURCE_NOT_FOUND, "No webhook " + id + "."));
    }

    private static boolean mayAccess(Actor actor, Subscription subscription) {
        return actor.role() == LedgerRole.ADMIN || actor.name().equals(subscription.owner());
    }

    private WebhookAnswer answer(Subscription s) {
        return new WebhookAnswer(
                s.id(),
                s.url(),
                s.types(),
                s.partnerId(),
                s.owner(),
                s.createdAt(),
                s.cursor(),
                deliveries.count(s.id(), Status.PENDING),
                deliveries.count(s.id(), Status.DEAD_LETTER));
    }

    private static Status status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LedgerProblemException(
                    ErrorCode.INVALID_PARAMETER, "status is one of PENDING, DELIVERED, DEAD_LETTER.");
        }
    }

    /**
     * A new subscription.
     *
     * @param types the event types to deliver (simple names)
     * @param partnerId only events of this partner's stream and of agreements it is a party to
     * @param secret the key of the signature, 16 to 256 characters; never answered
     * @param after the position after which delivery starts; absent: the newest event now (only
     *     events stored from now on)
     */
    record CreateWebhook(
            @NotNull @Size(max = 2000) String url,
            @NotEmpty @Size(max = 50) List<@NotNull String> types,

            @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$", message = "must be a partner id")
            String partnerId,

            @NotNull @Size(min = 16, max = 256) String secret,
            Long after) {

        /** What the annotations cannot say: an http(s) URL without credentials, known types. */
        List<FieldError> problems() {
            List<FieldError> errors = new ArrayList<>();
            String urlProblem = urlProblem(url.trim());
            if (urlProblem != null) {
                errors.add(new FieldError("url", urlProblem));
            }
            for (int i = 0; i < types.size(); i++) {
                if (!EventFilter.unknownTypes(List.of(types.get(i))).isEmpty()) {
                    errors.add(new FieldError("types[" + i + "]", "is not an event type of the published language"));
                }
            }
            if (after != null && after < -1) {
                errors.add(new FieldError("after", "must be a position of the event store, -1 or more"));
            }
            return errors;
        }

        private static String urlProblem(String url) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                return "is not a URL";
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "must be an http or https URL";
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return "must name a host";
            }
            if (uri.getRawUserInfo() != null) {
                return "must not carry credentials: the signature authenticates the ledger";
            }
            if (uri.getRawFragment() != null) {
                return "must not have a fragment";
            }
            return null;
        }
    }

    /** A subscription as answered; without its secret. */
    record WebhookAnswer(
            String id,
            String url,
            List<String> types,
            String partnerId,
            String createdBy,
            Instant createdAt,
            long cursor,
            long pending,
            long deadLetters) {}

    record DeliveriesAnswer(String webhookId, long cursor, List<DeliveryAnswer> items) {}

    /**
     * One delivery as answered.
     *
     * @param deadLetter whether every attempt failed and the delivery is parked
     */
    record DeliveryAnswer(
            String deliveryId,
            long position,
            String eventId,
            String type,
            String status,
            boolean deadLetter,
            boolean redelivery,
            int attempts,
            Instant nextAttemptAt,
            Instant lastAttemptAt,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant deliveredAt) {

        static DeliveryAnswer of(Delivery d) {
            return new DeliveryAnswer(
                    d.id(),
                    d.position(),
                    d.eventId(),
                    d.type(),
                    d.status().name(),
                    d.status() == Status.DEAD_LETTER,
                    d.redelivery(),
                    d.attempts(),
                    d.status() == Status.PENDING && d.nextAttemptAt() != null
                            ? Instant.ofEpochMilli(d.nextAttemptAt())
                            : null,
                    d.lastAttemptAt(),
                    d.lastStatus(),
                    d.lastError(),
                    d.createdAt(),
                    d.deliveredAt());
        }
    }
}

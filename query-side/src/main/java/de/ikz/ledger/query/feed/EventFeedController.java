package de.ikz.ledger.query.feed;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.EventEnvelope;
import de.ikz.ledger.api.schema.EventSchemas;
import de.ikz.ledger.platform.events.Envelopes;
import de.ikz.ledger.platform.web.LedgerProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The integrators' view of the event store: the catch-up feed {@code GET /api/events}, the live
 * stream {@code GET /api/events/stream}, and the JSON Schemas of the events {@code GET
 * /api/events/schemas}.
 */
@RestController
@RequestMapping("/api/events")
class EventFeedController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final EventFeed feed;
    private final EventStreams streams;

    EventFeedController(EventFeed feed, EventStreams streams) {
        this.feed = feed;
        this.streams = streams;
    }

    /**
     * The events after {@code after} ({@code -1} or absent: from the first), at most {@code limit}
     * (default 100, at most 1000), of the given {@code types} and {@code partnerId}. {@code
     * lastPosition} is where the next page starts: the last event read, whether it passed the
     * filters or not.
     */
    @GetMapping
    FeedAnswer events(
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String types,
            @RequestParam(required = false) String partnerId) {
        long from = position("after", after);
        int size = limit(limit);
        FeedPage page = feed.read(from, size, EventFilter.of(types, partnerId));
        List<EventEnvelope> items =
                page.events().stream().map(event -> Envelopes.of(event, null)).toList();
        return new FeedAnswer(items, page.lastPosition());
    }

    /**
     * Server-sent events: {@code id} is the event's position, {@code event} its type, {@code data}
     * its envelope. Resumes after {@code Last-Event-ID} (sent by a reconnecting client), else after
     * {@code after}.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) String types,
            @RequestParam(required = false) String partnerId) {
        EventFilter filter = EventFilter.of(types, partnerId);
        long from = lastEventId != null && !lastEventId.isBlank()
                ? position(LAST_EVENT_ID, parse(lastEventId))
                : position("after", after);
        return streams.open(from, filter);
    }

    /** The JSON Schema of every event type, by type. */
    @GetMapping("/schemas")
    Map<String, JsonNode> schemas() {
        return EventSchemas.all();
    }

    /** The JSON Schema of one event type. */
    @GetMapping("/schemas/{type}")
    JsonNode schema(@PathVariable String type) {
        return EventSchemas.of(type)
                .orElseThrow(() -> new LedgerProblemException(
                        ErrorCode.RESOURCE_NOT_FOUND, "No event type " + type + " in the published language."));
    }

    private static long position(String name, Long value) {
        if (value == null) {
            return -1;
        }
        if (value < -1) {
            throw new LedgerProblemException(
                    ErrorCode.INVALID_PARAMETER, name + " is a position of the event store, -1 or more.");
        }
        return value;
    }

    private static Long parse(String lastEventId) {
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw new LedgerProblemException(
                    ErrorCode.INVALID_PARAMETER, LAST_EVENT_ID + " is not a position of the event store.");
        }
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return EventFeed.DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > EventFeed.MAX_LIMIT) {
            throw new LedgerProblemException(
                    ErrorCode.INVALID_PARAMETER, "limit must be 1 to " + EventFeed.MAX_LIMIT + ".");
        }
        return limit;
    }

    /**
     * A page of the feed.
     *
     * @param lastPosition where the next page starts ({@code after=lastPosition})
     */
    record FeedAnswer(List<EventEnvelope> items, long lastPosition) {}
}

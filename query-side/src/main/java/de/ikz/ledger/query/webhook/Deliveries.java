package de.ikz.ledger.query.webhook;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.ikz.ledger.query.store.Fields;
import de.ikz.ledger.query.webhook.Delivery.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The deliveries, collection {@code webhook_deliveries}. A delivery is opened with an upsert that
 * only inserts, so opening it again (after a restart) finds the same one; each attempt's outcome is
 * written only if no other outcome of that attempt was written before.
 */
@Component
class Deliveries {

    static final String COLLECTION = "webhook_deliveries";
    private static final String ID = "_id";
    private static final String WEBHOOK = "webhookId";
    private static final String POSITION = "position";
    private static final String STATUS = "status";
    private static final String REDELIVERY = "redelivery";
    private static final String ATTEMPTS = "attempts";
    private static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    private static final String DELIVERED_AT_MILLIS = "deliveredAtMillis";

    private final MongoCollection<Document> collection;

    Deliveries(MongoDatabase viewDatabase) {
        this.collection = viewDatabase.getCollection(COLLECTION);
    }

    /** The delivery of the event at {@code position}: a new pending one, or the one opened before. */
    Delivery open(String webhookId, long position, String eventId, String type, String body, Instant now) {
        String id = Delivery.idOf(webhookId, position);
        collection.updateOne(
                Filters.eq(ID, id),
                Updates.combine(
                        Updates.setOnInsert(WEBHOOK, webhookId),
                        Updates.setOnInsert(POSITION, position),
                        Updates.setOnInsert("eventId", eventId),
                        Updates.setOnInsert("type", type),
                        Updates.setOnInsert("body", body),
                        Updates.setOnInsert(STATUS, Status.PENDING.name()),
                        Updates.setOnInsert(REDELIVERY, false),
                        Updates.setOnInsert(ATTEMPTS, 0),
                        Updates.setOnInsert(NEXT_ATTEMPT_AT, now.toEpochMilli()),
                        Updates.setOnInsert("createdAt", Fields.instant(now))),
                new UpdateOptions().upsert(true));
        return find(id).orElseThrow(() -> new IllegalStateException("Delivery " + id + " vanished"));
    }

    Optional<Delivery> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq(ID, id)).first()).map(Deliveries::decode);
    }

    /** The pending delivery that holds up the subscription's order, if there is one. */
    Optional<Delivery> inLine(String webhookId) {
        return Optional.ofNullable(collection
                        .find(Filters.and(
                                Filters.eq(WEBHOOK, webhookId),
                                Filters.eq(STATUS, Status.PENDING.name()),
                                Filters.eq(REDELIVERY, false)))
                        .sort(Sorts.ascending(POSITION))
                        .first())
                .map(Deliveries::decode);
    }

    /** Redeliveries asked for and due by {@code now}, oldest event first. */
    List<Delivery> redeliveriesDue(String webhookId, long now, int max) {
        return list(
                Filters.and(
                        Filters.eq(WEBHOOK, webhookId),
                        Filters.eq(STATUS, Status.PENDING.name()),
                        Filters.eq(REDELIVERY, true),
                        Filters.lte(NEXT_ATTEMPT_AT, now)),
                Sorts.ascending(POSITION),
                max);
    }

    /** The latest deliveries of a subscription (highest position first), of one status or all. */
    List<Delivery> recent(String webhookId, Status status, int max) {
        Bson filter = status == null
                ? Filters.eq(WEBHOOK, webhookId)
                : Filters.and(Filters.eq(WEBHOOK, webhookId), Filters.eq(STATUS, status.name()));
        return list(filter, Sorts.descending(POSITION), max);
    }

    long count(String webhookId, Status status) {
        return collection.countDocuments(
                Filters.and(Filters.eq(WEBHOOK, webhookId), Filters.eq(STATUS, status.name())));
    }

    boolean delivered(Delivery delivery, int attempt, int httpStatus, Instant now) {
        return outcome(
                delivery,
                Updates.combine(
                        Updates.set(STATUS, Status.DELIVERED.name()),
                        Updates.set(ATTEMPTS, attempt),
                        Updates.set(NEXT_ATTEMPT_AT, null),
                        Updates.set("lastAttemptAt", Fields.instant(now)),
                        Updates.set("lastStatus", httpStatus),
                        Updates.set("deliveredAt", Fields.instant(now)),
                        Updates.set(DELIVERED_AT_MILLIS, now.toEpochMilli())));
    }

    boolean retryLater(Delivery delivery, int attempt, Integer httpStatus, String error, Instant now, Instant next) {
        return outcome(
                delivery,
                Updates.combine(
                        Updates.set(ATTEMPTS, attempt),
                        Updates.set(NEXT_ATTEMPT_AT, next.toEpochMilli()),
                        Updates.set("lastAttemptAt", Fields.instant(now)),
                        Updates.set("lastStatus", httpStatus),
                        Updates.set("lastError", error)));
    }

    boolean deadLetter(Delivery delivery, int attempt, Integer httpStatus, String error, Instant now) {
        return outcome(
                delivery,
                Updates.combine(
                        Updates.set(STATUS, Status.DEAD_LETTER.name()),
                        Updates.set(ATTEMPTS, attempt),
                        Updates.set(NEXT_ATTEMPT_AT, null),
                        Updates.set("lastAttemptAt", Fields.instant(now)),
                        Updates.set("lastStatus", httpStatus),
                        Updates.set("lastError", error)));
    }

    /**
     * Sends a delivered or parked delivery again, with a fresh count of attempts, outside the
     * subscription's order.
     *
     * @return whether it is (now) pending
     */
    boolean requestRedelivery(String id, Instant now) {
        collection.updateOne(
                Filters.and(Filters.eq(ID, id), Filters.in(STATUS, Status.DELIVERED.name(), Status.DEAD_LETTER.name())),
                Updates.combine(
                        Updates.set(STATUS, Status.PENDING.name()),
                        Updates.set(REDELIVERY, true),
                        Updates.set(ATTEMPTS, 0),
                        Updates.set(NEXT_ATTEMPT_AT, now.toEpochMilli())));
        return find(id).map(d -> d.status() == Status.PENDING).orElse(false);
    }

    void deleteAll(String webhookId) {
        collection.deleteMany(Filters.eq(WEBHOOK, webhookId));
    }

    /** Forgets deliveries delivered before {@code before}. */
    long prune(Instant before) {
        return collection
                .deleteMany(Filters.and(
                        Filters.eq(STATUS, Status.DELIVERED.name()),
                        Filters.lt(DELIVERED_AT_MILLIS, before.toEpochMilli())))
                .getDeletedCount();
    }

    private boolean outcome(Delivery delivery, Bson update) {
        return collection
                        .updateOne(
                                Filters.and(
                                        Filters.eq(ID, delivery.id()),
                                        Filters.eq(STATUS, Status.PENDING.name()),
                                        Filters.eq(ATTEMPTS, delivery.attempts())),
                                update)
                        .getModifiedCount()
                > 0;
    }

    private List<Delivery> list(Bson filter, Bson sort, int max) {
        List<Delivery> deliveries = new ArrayList<>();
        for (Document document : collection.find(filter).sort(sort).limit(max)) {
            deliveries.add(decode(document));
        }
        return deliveries;
    }

    private static Delivery decode(Document document) {
        Number next = document.get(NEXT_ATTEMPT_AT, Number.class);
        Number lastStatus = document.get("lastStatus", Number.class);
        return new Delivery(
                document.getString(ID),
                document.getString(WEBHOOK),
                Fields.longValue(document, POSITION),
                document.getString("eventId"),
                document.getString("type"),
                document.getString("body"),
                Fields.enumValue(document, STATUS, Status.class),
                Boolean.TRUE.equals(document.getBoolean(REDELIVERY)),
                Fields.intValue(document, ATTEMPTS),
                next == null ? null : next.longValue(),
                Fields.instant(document, "lastAttemptAt"),
                lastStatus == null ? null : lastStatus.intValue(),
                document.getString("lastError"),
                Fields.instant(document, "createdAt"),
                Fields.instant(document, "deliveredAt"));
    }
}

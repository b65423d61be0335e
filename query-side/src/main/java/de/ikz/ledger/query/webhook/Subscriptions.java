package de.ikz.ledger.query.webhook;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.ikz.ledger.query.store.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The subscriptions, collection {@code webhooks}, next to the views. Every write is a single
 * document operation, so none needs a transaction: a process claims a subscription with {@code
 * findOneAndUpdate} while the lease of the previous owner has run out, and moves its cursor only
 * forward and only while it holds the lease.
 */
@Component
class Subscriptions {

    static final String COLLECTION = "webhooks";
    private static final String ID = "_id";
    private static final String CURSOR = "cursor";
    private static final String LEASE_OWNER = "leaseOwner";
    private static final String LEASE_UNTIL = "leaseUntil";

    private final MongoCollection<Document> collection;

    Subscriptions(MongoDatabase viewDatabase) {
        this.collection = viewDatabase.getCollection(COLLECTION);
    }

    void create(Subscription subscription) {
        collection.insertOne(new Document(ID, subscription.id())
                .append("url", subscription.url())
                .append("types", subscription.types())
                .append("partnerId", subscription.partnerId())
                .append("secret", subscription.secret())
                .append("owner", subscription.owner())
                .append("createdAt", Fields.instant(subscription.createdAt()))
                .append(CURSOR, subscription.cursor())
                .append(LEASE_OWNER, null)
                .append(LEASE_UNTIL, 0L));
    }

    Optional<Subscription> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq(ID, id)).first()).map(Subscriptions::decode);
    }

    /** Every subscription, oldest first. */
    List<Subscription> findAll() {
        List<Subscription> all = new ArrayList<>();
        for (Document document : collection.find().sort(Sorts.ascending("createdAt", ID))) {
            all.add(decode(document));
        }
        return all;
    }

    List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (Document document : collection.find().projection(Projections.include(ID))) {
            ids.add(document.getString(ID));
        }
        return ids;
    }

    boolean delete(String id) {
        return collection.deleteOne(Filters.eq(ID, id)).getDeletedCount() > 0;
    }

    /**
     * Claims the subscription for {@code node} until {@code now + leaseMillis}, if no other process
     * holds it; renews the claim of {@code node}.
     *
     * @return the subscription as claimed, or empty when another process holds it or it is deleted
     */
    Optional<Subscription> claim(String id, String node, long now, long leaseMillis) {
        Document claimed = collection.findOneAndUpdate(
                Filters.and(
                        Filters.eq(ID, id), Filters.or(Filters.lt(LEASE_UNTIL, now), Filters.eq(LEASE_OWNER, node))),
                Updates.combine(Updates.set(LEASE_OWNER, node), Updates.set(LEASE_UNTIL, now + leaseMillis)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(Subscriptions::decode);
    }

    /** Moves the cursor forward to {@code position}, while {@code node} holds the subscription. */
    void advance(String id, String node, long position) {
        collection.updateOne(
                Filters.and(Filters.eq(ID, id), Filters.eq(LEASE_OWNER, node), Filters.lt(CURSOR, position)),
                Updates.set(CURSOR, position));
    }

    /** Gives up every claim of {@code node}, so that another process may take over at once. */
    void release(String node) {
        collection.updateMany(Filters.eq(LEASE_OWNER, node), Updates.set(LEASE_UNTIL, 0L));
    }

    private static Subscription decode(Document document) {
        return new Subscription(
                document.getString(ID),
                document.getString("url"),
                Fields.strings(document, "types"),
                document.getString("partnerId"),
                document.getString("secret"),
                document.getString("owner"),
                Fields.instant(document, "createdAt"),
                Fields.longValue(document, CURSOR),
                document.getString(LEASE_OWNER),
                Fields.longValue(document, LEASE_UNTIL));
    }
}

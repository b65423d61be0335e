package de.ikz.ledger.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A collection of views keyed by {@code _id}, each document carrying the sequence number of the
 * last event applied to it. Writes are idempotent without transactions: an event whose sequence is
 * not above the stored one is skipped, a new document is created with an upsert that only inserts
 * ({@code $setOnInsert}), and a later state replaces the document only while the stored sequence is
 * still lower, so a redelivered or stale event never overwrites a newer state.
 *
 * <p>When this process is the only writer of the store (the embedded server, which lives in this
 * process and locks its file), the replacement is filtered by {@code _id} alone: a stream's events
 * are applied one after the other by one thread, so no other write can come between the read that
 * checks the sequence and the write, and the embedded server finds a document by index only for a
 * filter on {@code _id} alone (any other filter scans the collection).
 */
public final class ViewCollection {

    public static final String ID = "_id";
    public static final String LAST_SEQUENCE = "lastSequence";

    private final MongoCollection<Document> collection;
    private final boolean soleWriter;

    /**
     * @param soleWriter whether this process is the only one writing to the store
     */
    public ViewCollection(MongoCollection<Document> collection, boolean soleWriter) {
        this.collection = collection;
        this.soleWriter = soleWriter;
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq(ID, id)).first());
    }

    public <V> Optional<V> find(String id, ViewCodec<V> codec) {
        return find(id).map(codec::decode);
    }

    /** A view with the sequence number of the last event applied to it. */
    public <V> Optional<Versioned<V>> findVersioned(String id, ViewCodec<V> codec) {
        return find(id).map(
                        document -> new Versioned<>(codec.decode(document), Fields.longValue(document, LAST_SEQUENCE)));
    }

    /** Every document, ordered by {@code _id}. */
    public <V> List<V> findAll(ViewCodec<V> codec) {
        List<V> views = new ArrayList<>();
        for (Document document : collection.find().sort(Sorts.ascending(ID))) {
            views.add(codec.decode(document));
        }
        return views;
    }

    /**
     * Applies one event of the stream {@code id}: loads the view, folds the event in with {@code
     * step} ({@code null} in, for a view not yet stored) and stores the result with {@code
     * sequence}. Does nothing when the stored view has applied {@code sequence} already, or when
     * the step yields no view.
     *
     * @return whether this call wrote the document
     */
    public <V> boolean apply(String id, long sequence, ViewCodec<V> codec, UnaryOperator<V> step) {
        Optional<Document> stored = find(id);
        if (stored.isPresent() && Fields.longValue(stored.get(), LAST_SEQUENCE) >= sequence) {
            return false;
        }
        V next = step.apply(stored.map(codec::decode).orElse(null));
        if (next == null) {
            return false;
        }
        Document fields = codec.encode(next).append(LAST_SEQUENCE, sequence);
        if (stored.isEmpty()) {
            return collection
                            .updateOne(
                                    Filters.eq(ID, id),
                                    new Document("$setOnInsert", fields),
                                    new UpdateOptions().upsert(true))
                            .getUpsertedId()
                    != null;
        }
        Document replacement = new Document(ID, id);
        replacement.putAll(fields);
        Bson filter =
                soleWriter ? Filters.eq(ID, id) : Filters.and(Filters.eq(ID, id), Filters.lt(LAST_SEQUENCE, sequence));
        return collection.replaceOne(filter, replacement).getModifiedCount() > 0;
    }

    /** Removes every document (before a replay). */
    public void clear() {
        collection.deleteMany(new Document());
    }
}

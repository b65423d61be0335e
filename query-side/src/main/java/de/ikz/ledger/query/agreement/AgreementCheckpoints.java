package de.ikz.ledger.query.agreement;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.ikz.ledger.query.store.Fields;
import de.ikz.ledger.query.store.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Agreement views as they stood after every {@code interval}-th event of a long stream, so that a
 * view as of a past instant starts from the latest checkpoint recorded by then and folds only the
 * events after it, instead of the whole stream. Kept in collection {@code agreement_checkpoints} of
 * the same generation as the views (a replay writes them anew): per agreement one small directory
 * ({@code _id} the agreement id) listing each checkpoint's sequence and recording instant, and per
 * checkpoint the view ({@code _id} agreement id, {@code @}, sequence). Both are found by {@code
 * _id}. Writes are idempotent; a checkpoint that a crash left unwritten only makes the fold longer.
 *
 * <p>A checkpoint after event {@code n} holds exactly what folding events {@code 0..n} gives, and is
 * used for an instant at or after that event's recording: a stream's events are recorded in order
 * of their sequence (each under the aggregate's lock), so every event up to {@code n} was recorded
 * by then too.
 */
public final class AgreementCheckpoints {

    public static final String COLLECTION = "agreement_checkpoints";
    static final String CHECKPOINTS = "checkpoints";

    private final MongoCollection<Document> collection;
    private final int interval;

    AgreementCheckpoints(MongoCollection<Document> collection, int interval) {
        this.collection = collection;
        this.interval = interval;
    }

    /** Whether the event with {@code sequence} is followed by a checkpoint. */
    public boolean due(long sequence) {
        return isDue(sequence, interval);
    }

    /** Whether the event with {@code sequence} is followed by a checkpoint, every {@code interval} events. */
    public static boolean isDue(long sequence, int interval) {
        return (sequence + 1) % interval == 0;
    }

    /** Records the view after the event {@code sequence}, which was recorded at {@code recordedAt}. */
    public void record(Versioned<AgreementView> view, Instant recordedAt) {
        String agreementId = view.view().id();
        long sequence = view.sequence();
        collection.replaceOne(
                Filters.eq("_id", bodyId(agreementId, sequence)),
                document(view, recordedAt),
                new ReplaceOptions().upsert(true));
        collection.updateOne(
                Filters.eq("_id", agreementId),
                Updates.addToSet(CHECKPOINTS, entry(sequence, recordedAt)),
                new UpdateOptions().upsert(true));
    }

    /**
     * The latest checkpoint of the agreement recorded at or before {@code asOf}, with the sequence
     * of the event it follows.
     */
    public Optional<Versioned<AgreementView>> latest(String agreementId, Instant asOf) {
        Document directory = collection.find(Filters.eq("_id", agreementId)).first();
        if (directory == null) {
            return Optional.empty();
        }
        long best = -1;
        for (Document entry : Fields.documents(directory, CHECKPOINTS)) {
            long sequence = Fields.longValue(entry, "sequence");
            if (sequence > best && !Fields.instant(entry, "recordedAt").isAfter(asOf)) {
                best = sequence;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        long sequence = best;
        return Optional.ofNullable(collection
                        .find(Filters.eq("_id", bodyId(agreementId, sequence)))
                        .first())
                .map(body -> new Versioned<>(
                        AgreementViewCodec.INSTANCE.decode(body.get("view", Document.class)), sequence));
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    /** Removes every checkpoint (before the views are rebuilt). */
    public void clear() {
        collection.deleteMany(new Document());
    }

    /** The document of one checkpoint, as {@link #record} stores it. */
    public static Document document(Versioned<AgreementView> view, Instant recordedAt) {
        return new Document("_id", bodyId(view.view().id(), view.sequence()))
                .append("agreementId", view.view().id())
                .append("sequence", view.sequence())
                .append("recordedAt", Fields.instant(recordedAt))
                .append("view", AgreementViewCodec.INSTANCE.encode(view.view()));
    }

    /** The directory of an agreement's checkpoints. */
    public static Document directory(String agreementId, List<Document> entries) {
        return new Document("_id", agreementId).append(CHECKPOINTS, entries);
    }

    /** The directory entry of one checkpoint. */
    public static Document entry(long sequence, Instant recordedAt) {
        return new Document("sequence", sequence).append("recordedAt", Fields.instant(recordedAt));
    }

    public static String bodyId(String agreementId, long sequence) {
        return agreementId + "@" + sequence;
    }
}

package de.ikz.ledger.query.agreement;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.ikz.ledger.query.store.Fields;
import de.ikz.ledger.query.store.Versioned;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Agreement views as they stood after every {@code interval}-th event of a long stream ({@code
 * ikz.history.checkpoint-interval}), so that a
 * view as of a past instant starts from the latest checkpoint recorded by then and folds only the
 * events after it, instead of the whole stream. Two collections of the same generation as the
 * views (a replay writes them anew): {@code agreement_checkpoints}, one small directory per
 * agreement that has checkpoints ({@code _id} the agreement id) listing each checkpoint's sequence
 * and recording instant, and {@code agreement_checkpoint_views}, each checkpoint's view ({@code
 * _id} agreement id, {@code @}, sequence). An as-of request reads the directories once (only long
 * agreements have one) and a view by {@code _id}. Writes are idempotent; a checkpoint that a crash
 * left unwritten only makes the fold longer.
 *
 * <p>A checkpoint after event {@code n} holds exactly what folding events {@code 0..n} gives, and is
 * used for an instant at or after that event's recording: a stream's events are recorded in order
 * of their sequence (each under the aggregate's lock), so every event up to {@code n} was recorded
 * by then too.
 */
public final class AgreementCheckpoints {

    public static final String COLLECTION = "agreement_checkpoints";
    public static final String VIEWS_COLLECTION = "agreement_checkpoint_views";
    public static final String CHECKPOINTS = "checkpoints";

    private final MongoCollection<Document> directories;
    private final MongoCollection<Document> views;
    private Map<String, List<Document>> directoryCache;

    AgreementCheckpoints(MongoCollection<Document> directories, MongoCollection<Document> views) {
        this.directories = directories;
        this.views = views;
    }

    /** Whether the event with {@code sequence} is followed by a checkpoint, every {@code interval} events. */
    public static boolean isDue(long sequence, int interval) {
        return (sequence + 1) % interval == 0;
    }

    /** Records the view after the event {@code sequence}, which was recorded at {@code recordedAt}. */
    public void record(Versioned<AgreementView> view, Instant recordedAt) {
        String agreementId = view.view().id();
        long sequence = view.sequence();
        views.replaceOne(
                Filters.eq("_id", viewId(agreementId, sequence)),
                view(view, recordedAt),
                new ReplaceOptions().upsert(true));
        directories.updateOne(
                Filters.eq("_id", agreementId),
                Updates.addToSet(CHECKPOINTS, entry(sequence, recordedAt)),
                new UpdateOptions().upsert(true));
    }

    /**
     * The latest checkpoint of the agreement recorded at or before {@code asOf}, with the sequence
     * of the event it follows. The directories are read on the first call and kept by this object,
     * which lives as long as one request.
     */
    public Optional<Versioned<AgreementView>> latest(String agreementId, Instant asOf) {
        long best = -1;
        for (Document entry : directories().getOrDefault(agreementId, List.of())) {
            long sequence = Fields.longValue(entry, "sequence");
            if (sequence > best && !Fields.instant(entry, "recordedAt").isAfter(asOf)) {
                best = sequence;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        long sequence = best;
        return Optional.ofNullable(views.find(Filters.eq("_id", viewId(agreementId, sequence)))
                        .first())
                .map(stored -> new Versioned<>(
                        AgreementViewCodec.INSTANCE.decode(stored.get("view", Document.class)), sequence));
    }

    private Map<String, List<Document>> directories() {
        if (directoryCache == null) {
            Map<String, List<Document>> read = new HashMap<>();
            for (Document directory : directories.find()) {
                read.put(directory.getString("_id"), Fields.documents(directory, CHECKPOINTS));
            }
            directoryCache = read;
        }
        return directoryCache;
    }

    public MongoCollection<Document> directoryCollection() {
        return directories;
    }

    public MongoCollection<Document> viewCollection() {
        return views;
    }

    /** Removes every checkpoint (before the views are rebuilt). */
    public void clear() {
        directories.deleteMany(new Document());
        views.deleteMany(new Document());
    }

    /** The stored view of one checkpoint, as {@link #record} stores it. */
    public static Document view(Versioned<AgreementView> view, Instant recordedAt) {
        return new Document("_id", viewId(view.view().id(), view.sequence()))
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

    public static String viewId(String agreementId, long sequence) {
        return agreementId + "@" + sequence;
    }
}

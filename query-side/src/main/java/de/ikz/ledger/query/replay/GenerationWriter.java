package de.ikz.ledger.query.replay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import de.ikz.ledger.query.agreement.AgreementCheckpoints;
import de.ikz.ledger.query.agreement.AgreementViewCodec;
import de.ikz.ledger.query.ledger.PartnerLedgers;
import de.ikz.ledger.query.partner.PartnerViewCodec;
import de.ikz.ledger.query.store.Versioned;
import de.ikz.ledger.query.store.ViewCodec;
import de.ikz.ledger.query.store.ViewCollection;
import de.ikz.ledger.query.store.ViewGenerations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;

/**
 * Writes replayed views into the collections of one generation in bulk: unordered batches of
 * inserts, the documents exactly as the projections write them.
 */
public final class GenerationWriter {

    static final List<String> COLLECTIONS = List.of(
            PartnerViewCodec.COLLECTION,
            AgreementViewCodec.COLLECTION,
            PartnerLedgers.COLLECTION,
            AgreementCheckpoints.COLLECTION,
            AgreementCheckpoints.VIEWS_COLLECTION);

    private final MongoDatabase database;
    private final long generation;
    private final int batchSize;

    public GenerationWriter(MongoDatabase database, long generation, int batchSize) {
        this.database = database;
        this.generation = generation;
        this.batchSize = batchSize;
    }

    /** Removes whatever an earlier, interrupted build left in this generation. */
    public void clear() {
        COLLECTIONS.forEach(base -> collection(base).drop());
    }

    /** Writes every replayed view; answers the number of documents written. */
    public long write(ReplayedViews views) {
        return insertAll(
                        PartnerViewCodec.COLLECTION,
                        ViewDocuments.partners(views).values())
                + insertAll(
                        AgreementViewCodec.COLLECTION,
                        ViewDocuments.agreements(views).values())
                + insertAll(
                        PartnerLedgers.COLLECTION, ViewDocuments.ledgers(views).values())
                + insertAll(
                        AgreementCheckpoints.COLLECTION,
                        ViewDocuments.checkpointDirectories(views).values())
                + insertAll(
                        AgreementCheckpoints.VIEWS_COLLECTION,
                        ViewDocuments.checkpointViews(views).values());
    }

    /** A view document as {@link ViewCollection} stores it. */
    static <V> Document document(String id, Versioned<V> versioned, ViewCodec<V> codec) {
        Document document = new Document(ViewCollection.ID, id);
        document.putAll(codec.encode(versioned.view()));
        document.append(ViewCollection.LAST_SEQUENCE, versioned.sequence());
        return document;
    }

    private long insertAll(String base, Collection<Document> all) {
        List<Document> documents = new ArrayList<>(all);
        MongoCollection<Document> target = collection(base);
        for (int from = 0; from < documents.size(); from += batchSize) {
            target.insertMany(
                    documents.subList(from, Math.min(documents.size(), from + batchSize)),
                    new InsertManyOptions().ordered(false));
        }
        return documents.size();
    }

    private MongoCollection<Document> collection(String base) {
        return database.getCollection(ViewGenerations.collection(base, generation));
    }
}

package de.ikz.ledger.query.agreement;

import com.mongodb.client.MongoDatabase;
import de.ikz.ledger.query.store.ViewCollection;
import de.ikz.ledger.query.store.ViewGenerations;
import de.ikz.ledger.query.store.ViewMongo;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The stored agreement views, collection {@code agreements}, and their checkpoints. */
@Component
public class AgreementViews {

    private final MongoDatabase database;
    private final LongSupplier generation;
    private final int checkpointInterval;
    private final boolean soleWriter;

    @Autowired
    AgreementViews(
            MongoDatabase viewDatabase,
            ViewMongo mongo,
            ViewGenerations generations,
            @Value("${ikz.history.checkpoint-interval:10000}") int checkpointInterval) {
        this(viewDatabase, generations::active, checkpointInterval, mongo.isEmbedded());
    }

    private AgreementViews(
            MongoDatabase database, LongSupplier generation, int checkpointInterval, boolean soleWriter) {
        if (checkpointInterval < 1) {
            throw new IllegalArgumentException(
                    "ikz.history.checkpoint-interval must be at least 1, was " + checkpointInterval);
        }
        this.database = database;
        this.generation = generation;
        this.checkpointInterval = checkpointInterval;
        this.soleWriter = soleWriter;
    }

    /** The agreement views of one generation, for a replay that builds it. */
    public AgreementViews ofGeneration(long generation) {
        return new AgreementViews(database, () -> generation, checkpointInterval, soleWriter);
    }

    public ViewCollection collection() {
        return new ViewCollection(
                database.getCollection(
                        ViewGenerations.collection(AgreementViewCodec.COLLECTION, generation.getAsLong())),
                soleWriter);
    }

    /** The checkpoints of long agreements, in the same generation. */
    public AgreementCheckpoints checkpoints() {
        long current = generation.getAsLong();
        return new AgreementCheckpoints(
                database.getCollection(ViewGenerations.collection(AgreementCheckpoints.COLLECTION, current)),
                database.getCollection(ViewGenerations.collection(AgreementCheckpoints.VIEWS_COLLECTION, current)),
                checkpointInterval);
    }

    /** Events between two checkpoints of a long agreement. */
    public int checkpointInterval() {
        return checkpointInterval;
    }

    public Optional<AgreementView> find(String agreementId) {
        return collection().find(agreementId, AgreementViewCodec.INSTANCE);
    }

    /** Every agreement, ordered by id. */
    public List<AgreementView> findAll() {
        return collection().findAll(AgreementViewCodec.INSTANCE);
    }
}

package de.ikz.ledger.query.agreement;

import com.mongodb.client.MongoDatabase;
import de.ikz.ledger.query.store.ViewCollection;
import de.ikz.ledger.query.store.ViewGenerations;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The stored agreement views, collection {@code agreements}. */
@Component
public class AgreementViews {

    private final MongoDatabase database;
    private final LongSupplier generation;

    @Autowired
    AgreementViews(MongoDatabase viewDatabase, ViewGenerations generations) {
        this(viewDatabase, generations::active);
    }

    private AgreementViews(MongoDatabase database, LongSupplier generation) {
        this.database = database;
        this.generation = generation;
    }

    /** The agreement views of one generation, for a replay that builds it. */
    public static AgreementViews ofGeneration(MongoDatabase database, long generation) {
        return new AgreementViews(database, () -> generation);
    }

    public ViewCollection collection() {
        return new ViewCollection(database.getCollection(
                ViewGenerations.collection(AgreementViewCodec.COLLECTION, generation.getAsLong())));
    }

    public Optional<AgreementView> find(String agreementId) {
        return collection().find(agreementId, AgreementViewCodec.INSTANCE);
    }

    /** Every agreement, ordered by id. */
    public List<AgreementView> findAll() {
        return collection().findAll(AgreementViewCodec.INSTANCE);
    }
}

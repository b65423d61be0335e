package de.ikz.ledger.query.partner;

import com.mongodb.client.MongoDatabase;
import de.ikz.ledger.query.store.ViewCollection;
import de.ikz.ledger.query.store.ViewGenerations;
import de.ikz.ledger.query.store.ViewMongo;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The stored partner views, collection {@code partners}. */
@Component
public class PartnerViews {

    private final MongoDatabase database;
    private final LongSupplier generation;
    private final boolean soleWriter;

    @Autowired
    PartnerViews(MongoDatabase viewDatabase, ViewMongo mongo, ViewGenerations generations) {
        this(viewDatabase, generations::active, mongo.isEmbedded());
    }

    private PartnerViews(MongoDatabase database, LongSupplier generation, boolean soleWriter) {
        this.database = database;
        this.generation = generation;
        this.soleWriter = soleWriter;
    }

    /** The partner views of one generation, for a replay that builds it. */
    public PartnerViews ofGeneration(long generation) {
        return new PartnerViews(database, () -> generation, soleWriter);
    }

    public ViewCollection collection() {
        return new ViewCollection(
                database.getCollection(ViewGenerations.collection(PartnerViewCodec.COLLECTION, generation.getAsLong())),
                soleWriter);
    }

    public Optional<PartnerView> find(String partnerId) {
        return collection().find(partnerId, PartnerViewCodec.INSTANCE);
    }

    /** Every partner, ordered by id. */
    public List<PartnerView> findAll() {
        return collection().findAll(PartnerViewCodec.INSTANCE);
    }
}

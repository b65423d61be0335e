package de.ikz.ledger.query.partner;

import com.mongodb.client.MongoDatabase;
import de.ikz.ledger.query.store.ViewCollection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The stored partner views, collection {@code partners}. */
@Component
public class PartnerViews {

    private final ViewCollection collection;

    PartnerViews(MongoDatabase viewDatabase) {
        this.collection = new ViewCollection(viewDatabase.getCollection(PartnerViewCodec.COLLECTION));
    }

    public ViewCollection collection() {
        return collection;
    }

    public Optional<PartnerView> find(String partnerId) {
        return collection.find(partnerId, PartnerViewCodec.INSTANCE);
    }

    /** Every partner, ordered by id. */
    public List<PartnerView> findAll() {
        return collection.findAll(PartnerViewCodec.INSTANCE);
    }
}

package de.ikz.ledger.query.agreement;

import com.mongodb.client.MongoDatabase;
import de.ikz.ledger.query.store.ViewCollection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The stored agreement views, collection {@code agreements}. */
@Component
public class AgreementViews {

    private final ViewCollection collection;

    AgreementViews(MongoDatabase viewDatabase) {
        this.collection = new ViewCollection(viewDatabase.getCollection(AgreementViewCodec.COLLECTION));
    }

    public ViewCollection collection() {
        return collection;
    }

    public Optional<AgreementView> find(String agreementId) {
        return collection.find(agreementId, AgreementViewCodec.INSTANCE);
    }

    /** Every agreement, ordered by id. */
    public List<AgreementView> findAll() {
        return collection.findAll(AgreementViewCodec.INSTANCE);
    }
}

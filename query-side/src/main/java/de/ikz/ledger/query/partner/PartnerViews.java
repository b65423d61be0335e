package de.ikz.ledger.query.partner;

import de.ikz.ledger.query.store.ViewCollection;
import de.ikz.ledger.query.store.ViewScope;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The stored partner views, collection {@code partners}. */
@Component
public class PartnerViews {

    private final ViewScope scope;

    @Autowired
    PartnerViews(ViewScope viewScope) {
        this.scope = viewScope;
    }

    /** The partner views of one generation, for a replay that builds it. */
    public PartnerViews ofGeneration(long generation) {
        return new PartnerViews(scope.ofGeneration(generation));
    }

    public ViewCollection collection() {
        return scope.views(PartnerViewCodec.COLLECTION);
    }

    public Optional<PartnerView> find(String partnerId) {
        return collection().find(partnerId, PartnerViewCodec.INSTANCE);
    }

    /** Every partner, ordered by id. */
    public List<PartnerView> findAll() {
        return collection().findAll(PartnerViewCodec.INSTANCE);
    }
}

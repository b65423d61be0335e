package de.ikz.ledger.query.agreement;

import de.ikz.ledger.query.store.ViewCollection;
import de.ikz.ledger.query.store.ViewScope;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The stored agreement views, collection {@code agreements}, and their checkpoints. */
@Component
public class AgreementViews {

    private final ViewScope scope;
    private final int checkpointInterval;

    @Autowired
    AgreementViews(ViewScope viewScope, @Value("${ikz.history.checkpoint-interval:10000}") int checkpointInterval) {
        if (checkpointInterval < 1) {
            throw new IllegalArgumentException(
                    "ikz.history.checkpoint-interval must be at least 1, was " + checkpointInterval);
        }
        this.scope = viewScope;
        this.checkpointInterval = checkpointInterval;
    }

    /** The agreement views of one generation, for a replay that builds it. */
    public AgreementViews ofGeneration(long generation) {
        return new AgreementViews(scope.ofGeneration(generation), checkpointInterval);
    }

    public ViewCollection collection() {
        return scope.views(AgreementViewCodec.COLLECTION);
    }

    /** The checkpoints of long agreements, in the same generation. */
    public AgreementCheckpoints checkpoints() {
        long current = scope.generation().getAsLong();
        ViewScope fixed = scope.ofGeneration(current);
        return new AgreementCheckpoints(
                fixed.collection(AgreementCheckpoints.COLLECTION),
                fixed.collection(AgreementCheckpoints.VIEWS_COLLECTION));
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

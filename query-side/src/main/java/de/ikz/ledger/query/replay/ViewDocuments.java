package de.ikz.ledger.query.replay;

import de.ikz.ledger.query.agreement.AgreementCheckpoints;
import de.ikz.ledger.query.agreement.AgreementViewCodec;
import de.ikz.ledger.query.ledger.PartnerLedgers;
import de.ikz.ledger.query.partner.PartnerViewCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Replayed views as the documents the projections store, keyed by {@code _id}. */
public final class ViewDocuments {

    private ViewDocuments() {}

    public static Map<String, Document> partners(ReplayedViews views) {
        Map<String, Document> documents = new LinkedHashMap<>();
        views.partners()
                .forEach((id, view) ->
                        documents.put(id, GenerationWriter.document(id, view, PartnerViewCodec.INSTANCE)));
        return documents;
    }

    public static Map<String, Document> agreements(ReplayedViews views) {
        Map<String, Document> documents = new LinkedHashMap<>();
        views.agreements()
                .forEach((id, view) ->
                        documents.put(id, GenerationWriter.document(id, view, AgreementViewCodec.INSTANCE)));
        return documents;
    }

    /** The views of the checkpoints of long agreements, keyed by {@code _id}. */
    public static Map<String, Document> checkpointViews(ReplayedViews views) {
        Map<String, Document> documents = new LinkedHashMap<>();
        for (ReplayedViews.Checkpoint checkpoint : views.checkpoints()) {
            Document view = AgreementCheckpoints.view(checkpoint.view(), checkpoint.recordedAt());
            documents.put(view.getString("_id"), view);
        }
        return documents;
    }

    /** Per agreement with checkpoints, its directory, keyed by the agreement id. */
    public static Map<String, Document> checkpointDirectories(ReplayedViews views) {
        Map<String, List<Document>> entries = new LinkedHashMap<>();
        for (ReplayedViews.Checkpoint checkpoint : views.checkpoints()) {
            entries.computeIfAbsent(checkpoint.view().view().id(), id -> new ArrayList<>())
                    .add(AgreementCheckpoints.entry(checkpoint.view().sequence(), checkpoint.recordedAt()));
        }
        Map<String, Document> documents = new LinkedHashMap<>();
        entries.forEach((id, list) -> documents.put(id, AgreementCheckpoints.directory(id, list)));
        return documents;
    }

    public static Map<String, Document> ledgers(ReplayedViews views) {
        Map<String, Document> documents = new LinkedHashMap<>();
        views.ledgers().forEach((id, contributions) -> documents.put(id, PartnerLedgers.document(id, contributions)));
        return documents;
    }
}

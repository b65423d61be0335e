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

    /** The checkpoint documents and, per agreement with checkpoints, its directory. */
    public static Map<String, Document> checkpoints(ReplayedViews views) {
        Map<String, Document> documents = new LinkedHashMap<>();
        Map<String, List<Document>> directories = new LinkedHashMap<>();
        for (ReplayedViews.Checkpoint checkpoint : views.checkpoints()) {
            Document body = AgreementCheckpoints.document(checkpoint.view(), checkpoint.recordedAt());
            documents.put(body.getString("_id"), body);
            directories
                    .computeIfAbsent(checkpoint.view().view().id(), id -> new ArrayList<>())
                    .add(AgreementCheckpoints.entry(checkpoint.view().sequence(), checkpoint.recordedAt()));
        }
        directories.forEach((id, entries) -> documents.put(id, AgreementCheckpoints.directory(id, entries)));
        return documents;
    }

    public static Map<String, Document> ledgers(ReplayedViews views) {
        Map<String, Document> documents = new LinkedHashMap<>();
        views.ledgers().forEach((id, contributions) -> documents.put(id, PartnerLedgers.document(id, contributions)));
        return documents;
    }
}

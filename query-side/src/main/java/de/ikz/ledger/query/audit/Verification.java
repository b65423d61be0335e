package de.ikz.ledger.query.audit;

import de.ikz.ledger.platform.audit.EventChainVerifier;
import de.ikz.ledger.platform.audit.EventChainVerifier.BrokenEvent;
import de.ikz.ledger.platform.audit.EventChainVerifier.ChainReport;
import de.ikz.ledger.query.agreement.AgreementCheckpoints;
import de.ikz.ledger.query.agreement.AgreementViews;
import de.ikz.ledger.query.ledger.PartnerLedgers;
import de.ikz.ledger.query.partner.PartnerViews;
import de.ikz.ledger.query.processing.ViewConsistency;
import de.ikz.ledger.query.replay.EventStoreReader;
import de.ikz.ledger.query.replay.ReplayedViews;
import de.ikz.ledger.query.replay.ViewDocuments;
import de.ikz.ledger.query.store.ViewCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Recomputes every hash chain, and compares the live views with a fresh replay of the events in
 * memory by the same folds. A view that moved on past the replayed position meanwhile is not
 * compared (it is newer, not wrong).
 */
@Component
class Verification {

    private static final Logger log = LoggerFactory.getLogger(Verification.class);

    private final ObjectProvider<EventChainVerifier> chains;
    private final EventStoreReader reader;
    private final ViewConsistency consistency;
    private final PartnerViews partners;
    private final AgreementViews agreements;
    private final PartnerLedgers ledgers;

    Verification(
            ObjectProvider<EventChainVerifier> chains,
            EventStoreReader reader,
            ViewConsistency consistency,
            PartnerViews partners,
            AgreementViews agreements,
            PartnerLedgers ledgers) {
        this.chains = chains;
        this.reader = reader;
        this.consistency = consistency;
        this.partners = partners;
        this.agreements = agreements;
        this.ledgers = ledgers;
    }

    VerificationReport run() {
        EventChainVerifier chain = chains.getIfAvailable();
        ChainReport chainReport = chain == null
                ? null
                : chain.verify(checked -> log.info("Verification: {} events of the hash chains checked", checked));

        long head = reader.head();
        consistency.await(head);
        ReplayedViews replayed = new ReplayedViews(agreements.checkpointInterval());
        reader.replay(-1, head, replayed, read -> log.info("Verification: {} events replayed", read));

        List<Mismatch> mismatches = new ArrayList<>();
        compare("partners", partners.collection(), ViewDocuments.partners(replayed), mismatches);
        compare("agreements", agreements.collection(), ViewDocuments.agreements(replayed), mismatches);
        compareLedgers(ViewDocuments.ledgers(replayed), mismatches);
        compareCheckpoints(replayed, mismatches);
        log.info(
                "Verification: chains {}, {} view mismatches",
                chainReport == null ? "not checked" : chainReport.chainIntact() ? "intact" : "BROKEN",
                mismatches.size());
        return new VerificationReport(
                chainReport == null ? replayed.events() : chainReport.eventsChecked(),
                chainReport == null ? null : chainReport.chainIntact(),
                chainReport == null ? null : chainReport.firstBrokenEvent(),
                mismatches.isEmpty(),
                mismatches);
    }

    private static void compare(
            String view, ViewCollection live, Map<String, Document> expected, List<Mismatch> mismatches) {
        Map<String, Document> stored = new HashMap<>();
        for (Document document : live.collection().find()) {
            stored.put(document.getString(ViewCollection.ID), normalized(document));
        }
        for (String id : new TreeSet<>(union(stored.keySet(), expected.keySet()))) {
            Document now = stored.get(id);
            Document then = expected.get(id);
            if (now == null) {
                mismatches.add(new Mismatch(view, id, "missing from the live view"));
            } else if (then == null) {
                mismatches.add(new Mismatch(view, id, "in the live view but not in the events"));
            } else if (sequence(now) > sequence(then)) {
                continue; // the live view moved on meanwhile
            } else if (!now.equals(normalized(then))) {
                mismatches.add(new Mismatch(view, id, "differs from the replay"));
            }
        }
    }

    private void compareLedgers(Map<String, Document> expected, List<Mismatch> mismatches) {
        Map<String, Document> stored = new HashMap<>();
        for (Document document : ledgers.collection().find()) {
            stored.put(document.getString("_id"), normalized(document));
        }
        for (String partnerId : new TreeSet<>(union(stored.keySet(), expected.keySet()))) {
            Document now = contributions(stored.get(partnerId));
            Document then = contributions(expected.get(partnerId) == null ? null : normalized(expected.get(partnerId)));
            for (String agreement : new TreeSet<>(union(now.keySet(), then.keySet()))) {
                Document liveOne = (Document) now.get(agreement);
                Document replayedOne = (Document) then.get(agreement);
                String id = partnerId + "/" + agreement;
                if (liveOne == null) {
                    mismatches.add(new Mismatch("partner_ledgers", id, "missing from the live view"));
                } else if (replayedOne == null) {
                    mismatches.add(new Mismatch("partner_ledgers", id, "in the live view but not in the events"));
                } else if (number(liveOne, "sequence") <= number(replayedOne, "sequence")
                        && !liveOne.equals(replayedOne)) {
                    mismatches.add(new Mismatch("partner_ledgers", id, "differs from the replay"));
                }
            }
        }
    }

    /**
     * Every stored checkpoint must hold what the replay holds at that point; a checkpoint missing from
     * the store only makes as-of folds longer, so it is not reported.
     */
    private void compareCheckpoints(ReplayedViews replayed, List<Mismatch> mismatches) {
        AgreementCheckpoints checkpoints = agreements.checkpoints();
        Map<String, Document> views = ViewDocuments.checkpointViews(replayed);
        for (Document document : checkpoints.viewCollection().find()) {
            String id = document.getString(ViewCollection.ID);
            Document then = views.get(id);
            if (then == null && movedOn(replayed, document)) {
                continue; // recorded after an event the replay did not reach
            }
            if (then == null || !normalized(document).equals(normalized(then))) {
                mismatches.add(checkpointMismatch(AgreementCheckpoints.VIEWS_COLLECTION, id, then));
            }
        }
        Map<String, Document> directories = ViewDocuments.checkpointDirectories(replayed);
        for (Document document : checkpoints.directoryCollection().find()) {
            String id = document.getString(ViewCollection.ID);
            Document then = directories.get(id);
            // every listed checkpoint must be one the replay recorded; the live list may lack some
            if (then == null
                    || !normalized(then)
                            .getList(AgreementCheckpoints.CHECKPOINTS, Document.class)
                            .containsAll(
                                    normalized(document).getList(AgreementCheckpoints.CHECKPOINTS, Document.class))) {
                mismatches.add(checkpointMismatch(AgreementCheckpoints.COLLECTION, id, then));
            }
        }
    }

    private static Mismatch checkpointMismatch(String collection, String id, Document expected) {
        return new Mismatch(
                collection,
                id,
                expected == null ? "in the live view but not in the events" : "differs from the replay");
    }

    private static boolean movedOn(ReplayedViews replayed, Document checkpoint) {
        var agreement = replayed.agreements().get(checkpoint.getString("agreementId"));
        return agreement == null || agreement.sequence() < number(checkpoint, "sequence");
    }

    private static Document contributions(Document ledger) {
        if (ledger == null || !(ledger.get("agreements") instanceof Document agreements)) {
            return new Document();
        }
        return agreements;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static long sequence(Document document) {
        return number(document, ViewCollection.LAST_SEQUENCE);
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number n ? n.longValue() : -1;
    }

    /** The document as its JSON reads back, so that numbers and dates compare by value. */
    private static Document normalized(Document document) {
        return Document.parse(document.toJson());
    }

    /** What a verification found. {@code chainIntact} is {@code null} where the store keeps no chains. */
    record VerificationReport(
            long eventsChecked,
            Boolean chainIntact,
            BrokenEvent firstBrokenEvent,
            boolean viewsMatchReplay,
            List<Mismatch> mismatches) {}

    /** One view document that does not match the replay. */
    record Mismatch(String view, String id, String problem) {}
}

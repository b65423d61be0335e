package de.ikz.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.api.agreement.CostEntryReversed;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.DelegationEnded;
import de.ikz.ledger.api.partner.PartnerRenamed;
import de.ikz.ledger.query.processing.ViewConsistency;
import de.ikz.ledger.query.processing.ViewProcessors;
import de.ikz.ledger.query.support.EventLog;
import de.ikz.ledger.query.support.QuerySideIntegrationTest;
import de.ikz.ledger.query.support.RandomHistory;
import de.ikz.ledger.query.support.ReferenceCase;
import de.ikz.ledger.query.support.StreamEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A replay of all history rebuilds exactly the views that were kept live. */
class RebuildTest extends QuerySideIntegrationTest {

    private static final List<String> COLLECTIONS =
            List.of("partners", "agreements", "partner_ledgers", "agreement_checkpoints", "agreement_checkpoint_views");

    @Autowired
    ViewConsistency consistency;

    @Test
    void resettingTheProcessorsRebuildsDocumentsIdenticalToTheLiveOnes() {
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        ReferenceCase ref = new ReferenceCase(suffix);
        EventLog log = new EventLog(eventStore);
        log.append(ref.all());
        log.append(List.of(
                StreamEvent.of(new PartnerRenamed(ref.iks, "IKS Saarbrücken")),
                StreamEvent.of(new CostEntryReversed(
                        ref.agreement,
                        ref.datenspeicher,
                        ref.entryId(ref.datenspeicher, ref.saarbruecken, CostKind.REVENUE),
                        ref.saarbruecken,
                        2014,
                        CostKind.REVENUE,
                        new BigDecimal("6000.00"),
                        "invoiced twice")),
                StreamEvent.of(new DelegationEnded(
                        ref.agreement, ref.behoerdennummer, LocalDate.of(2016, 12, 31), "moved to the state"))));
        long head = log.append(RandomHistory.generate(new Random(20140522), "rebuild" + suffix + "-"));
        assertThat(consistency.await(head)).isTrue();
        Map<String, List<Document>> live = documents();
        viewDatabase.getCollection("partners").insertOne(new Document("_id", "left-over" + suffix));

        for (String name : ViewProcessors.ALL) {
            StreamingEventProcessor processor = processing
                    .eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        assertThat(consistency.await(head)).isTrue();
        Map<String, List<Document>> rebuilt = documents();

        assertThat(live.get("agreements")).isNotEmpty();
        assertThat(live.get("agreement_checkpoints")).isNotEmpty();
        assertThat(rebuilt).isEqualTo(live);
    }

    private Map<String, List<Document>> documents() {
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : COLLECTIONS) {
            documents.put(
                    collection,
                    viewDatabase
                            .getCollection(collection)
                            .find()
                            .sort(new Document("_id", 1))
                            .into(new ArrayList<>()));
        }
        return documents;
    }
}

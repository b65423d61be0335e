package de.ikz.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.ikz.ledger.api.agreement.DelegationResumed;
import de.ikz.ledger.api.agreement.DelegationSuspended;
import de.ikz.ledger.query.agreement.AgreementCheckpoints;
import de.ikz.ledger.query.agreement.AgreementViews;
import de.ikz.ledger.query.processing.ViewConsistency;
import de.ikz.ledger.query.replay.EventStoreReader;
import de.ikz.ledger.query.replay.ReplayedViews;
import de.ikz.ledger.query.replay.ViewDocuments;
import de.ikz.ledger.query.support.EventLog;
import de.ikz.ledger.query.support.QuerySideIntegrationTest;
import de.ikz.ledger.query.support.ReferenceCase;
import de.ikz.ledger.query.support.StreamEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The checkpoints the live projection records are the ones a replay writes, and a verification
 * finds a checkpoint that no longer matches the events.
 */
class CheckpointVerificationTest extends QuerySideIntegrationTest {

    @Autowired
    AgreementViews agreements;

    @Autowired
    ViewConsistency consistency;

    @Autowired
    EventStoreReader reader;

    @Autowired
    Verification verification;

    private static Document normalized(Document document) {
        return Document.parse(document.toJson());
    }

    @Test
    void liveCheckpointsEqualTheReplayedOnesAndAnAlteredOneIsReported() {
        ReferenceCase ref = new ReferenceCase("-" + UUID.randomUUID().toString().substring(0, 8));
        EventLog log = new EventLog(eventStore);
        log.append(ref.all());
        for (int cycle = 0; cycle < 10; cycle++) {
            LocalDate day = LocalDate.of(2016, 3, 1).plusDays(cycle * 7L);
            log.append(List.of(
                    StreamEvent.of(new DelegationSuspended(ref.agreement, ref.wohngeld, day, "maintenance")),
                    StreamEvent.of(new DelegationResumed(ref.agreement, ref.wohngeld, day.plusDays(1), "done"))));
        }
        long head = log.head();
        assertThat(consistency.await(head)).isTrue();

        ReplayedViews replayed = new ReplayedViews(agreements.checkpointInterval());
        reader.replay(-1, head, replayed, read -> {});
        Map<String, Document> expected = new TreeMap<>();
        ViewDocuments.checkpointViews(replayed).forEach((id, document) -> expected.put(id, normalized(document)));
        ViewDocuments.checkpointDirectories(replayed)
                .forEach((id, document) -> expected.put("directory " + id, normalized(document)));
        expected.keySet().removeIf(id -> !id.contains(ref.agreement));
        AgreementCheckpoints stores = agreements.checkpoints();
        MongoCollection<Document> checkpoints = stores.viewCollection();
        Map<String, Document> stored = new TreeMap<>();
        for (Document document : checkpoints.find(Filters.regex("_id", "^" + ref.agreement + "@"))) {
            stored.put(document.getString("_id"), normalized(document));
        }
        for (Document document : stores.directoryCollection().find(Filters.eq("_id", ref.agreement))) {
            stored.put("directory " + document.getString("_id"), normalized(document));
        }
        long count = (log.lastSequence(ref.agreement) + 1) / agreements.checkpointInterval();
        assertThat(expected).hasSize((int) count + 1); // the checkpoints and the directory
        assertThat(stored).isEqualTo(expected);

        assertThat(verification.run().viewsMatchReplay()).isTrue();

        String altered = AgreementCheckpoints.viewId(ref.agreement, agreements.checkpointInterval() * 2L - 1);
        Document original = checkpoints.find(Filters.eq("_id", altered)).first();
        assertThat(original).isNotNull();
        checkpoints.updateOne(Filters.eq("_id", altered), Updates.set("view.delegations.0.status", "ENDED"));
        try {
            Verification.VerificationReport report = verification.run();
            assertThat(report.viewsMatchReplay()).isFalse();
            List<String> found = new ArrayList<>();
            report.mismatches().forEach(m -> found.add(m.view() + " " + m.id() + ": " + m.problem()));
            assertThat(found)
                    .containsExactly(
                            AgreementCheckpoints.VIEWS_COLLECTION + " " + altered + ": differs from the replay");
        } finally {
            checkpoints.replaceOne(Filters.eq("_id", altered), original);
        }
        assertThat(verification.run().viewsMatchReplay()).isTrue();
    }
}

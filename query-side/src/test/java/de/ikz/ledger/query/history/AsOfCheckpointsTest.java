package de.ikz.ledger.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.ikz.ledger.api.agreement.CostEntryRecorded;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.DelegationResumed;
import de.ikz.ledger.api.agreement.DelegationSuspended;
import de.ikz.ledger.query.agreement.AgreementCheckpoints;
import de.ikz.ledger.query.agreement.AgreementViews;
import de.ikz.ledger.query.processing.ViewConsistency;
import de.ikz.ledger.query.support.EventLog;
import de.ikz.ledger.query.support.LedgerApi.Answer;
import de.ikz.ledger.query.support.QuerySideIntegrationTest;
import de.ikz.ledger.query.support.ReferenceCase;
import de.ikz.ledger.query.support.StreamEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A long agreement's views as of past instants come from its checkpoints and the events after
 * them, and answer exactly what folding the whole stream answers. (The test properties set a
 * checkpoint every 7 events.)
 */
class AsOfCheckpointsTest extends QuerySideIntegrationTest {

    @Autowired
    AgreementViews agreements;

    @Autowired
    ViewConsistency consistency;

    @Test
    void asOfAnswersFromCheckpointsEqualTheFoldOfTheWholeStreamAtEveryInstant() throws InterruptedException {
        ReferenceCase ref = new ReferenceCase("-" + UUID.randomUUID().toString().substring(0, 8));
        EventLog log = new EventLog(eventStore);
        log.append(ref.all());
        List<Instant> instants = new ArrayList<>();
        instants.add(Instant.now());
        for (int cycle = 0; cycle < 12; cycle++) {
            LocalDate day = LocalDate.of(2015, 1, 1).plusDays(cycle * 7L);
            log.append(StreamEvent.of(new DelegationSuspended(ref.agreement, ref.datenspeicher, day, "maintenance")));
            pause(instants);
            log.append(StreamEvent.of(
                    new DelegationResumed(ref.agreement, ref.datenspeicher, day.plusDays(2), "maintenance done")));
            if (cycle % 3 == 0) {
                log.append(StreamEvent.of(new CostEntryRecorded(
                        ref.agreement,
                        ref.datenspeicher,
                        "extra-" + cycle,
                        ref.saarbruecken,
                        2015,
                        CostKind.ACTUAL,
                        new BigDecimal(100 + cycle + ".50"),
                        "maintenance " + cycle)));
            }
            pause(instants);
        }
        long head = log.head();
        assertThat(consistency.await(head)).isTrue();

        long lastSequence = log.lastSequence(ref.agreement);
        int interval = agreements.checkpointInterval();
        assertThat(interval).isEqualTo(7);
        MongoCollection<Document> directories = agreements.checkpoints().directoryCollection();
        MongoCollection<Document> checkpoints = agreements.checkpoints().viewCollection();
        Document directory = directories.find(Filters.eq("_id", ref.agreement)).first();
        assertThat(directory).isNotNull();
        assertThat(directory.getList("checkpoints", Document.class)).hasSize((int) ((lastSequence + 1) / interval));

        Map<String, JsonNode> withCheckpoints = answers(ref, instants);
        List<Document> stored = directories.find().into(new ArrayList<>());
        directories.deleteMany(new Document());
        Map<String, JsonNode> wholeStream = answers(ref, instants);
        directories.insertMany(stored);

        assertThat(withCheckpoints).hasSize(2 * instants.size());
        assertThat(withCheckpoints).isEqualTo(wholeStream);
        // the views differ across the instants, so an answer from the wrong point would show
        assertThat(withCheckpoints.values().stream().distinct().count()).isGreaterThan(instants.size());

        // and the checkpoints are what those answers start from
        Instant last = instants.get(instants.size() - 1);
        Document latest = agreements
                .checkpoints()
                .latest(ref.agreement, last)
                .map(v -> {
                    assertThat(v.sequence()).isEqualTo((lastSequence + 1) / interval * interval - 1);
                    return checkpoints
                            .find(Filters.eq("_id", AgreementCheckpoints.viewId(ref.agreement, v.sequence())))
                            .first();
                })
                .orElseThrow();
        checkpoints.updateOne(Filters.eq("_id", latest.get("_id")), Updates.set("view.title", "altered checkpoint"));
        assertThat(agreementAsOf(ref, last).get("title").asText()).isEqualTo("altered checkpoint");
        checkpoints.replaceOne(Filters.eq("_id", latest.get("_id")), latest);
        assertThat(agreementAsOf(ref, last)).isEqualTo(wholeStream.get("agreement " + last));
    }

    private Map<String, JsonNode> answers(ReferenceCase ref, List<Instant> instants) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (Instant instant : instants) {
            answers.put("agreement " + instant, agreementAsOf(ref, instant));
            answers.put(
                    "savings " + instant,
                    api.get("/api/partners/" + ref.saarbruecken + "/savings?asOf=" + instant)
                            .body());
        }
        return answers;
    }

    private JsonNode agreementAsOf(ReferenceCase ref, Instant instant) {
        Answer answer = api.get("/api/agreements/" + ref.agreement + "?asOf=" + instant);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** Notes an instant between two events, with time on either side of it. */
    private static void pause(List<Instant> instants) throws InterruptedException {
        Thread.sleep(2);
        instants.add(Instant.now());
        Thread.sleep(2);
    }
}

package de.ikz.ledger.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.query.support.EventLog;
import de.ikz.ledger.query.support.RandomHistory;
import de.ikz.ledger.query.support.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/** The replay's read, handed to a second thread for the fold, folds what a plain loop folds. */
class EventStoreReaderTest {

    @Test
    void theTwoThreadedFoldEqualsAFoldInOneLoopOverTheSameEvents() {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        try {
            EventLog log = new EventLog(store);
            Random random = new Random(7);
            List<StreamEvent> events = new ArrayList<>();
            for (int h = 0; events.size() < 5_500; h++) {
                events.addAll(RandomHistory.generate(random, "reader-" + h + "-"));
            }
            long head = log.append(events);
            EventStoreReader reader = new EventStoreReader(store);

            ReplayedViews pipelined = new ReplayedViews(3);
            List<Long> progress = new ArrayList<>();
            reader.replay(-1, head, pipelined, progress::add);

            ReplayedViews oneLoop = new ReplayedViews(3);
            reader.read(
                    -1,
                    head,
                    (message, position) -> {
                        DomainEventMessage<?> domain = (DomainEventMessage<?>) message;
                        oneLoop.apply(domain.getPayload(), domain.getSequenceNumber(), domain.getTimestamp(), position);
                    },
                    n -> {});

            assertThat(pipelined.events()).isEqualTo(events.size());
            assertThat(pipelined.position()).isEqualTo(head);
            assertThat(progress).last().isEqualTo((long) events.size());
            assertThat(ViewDocuments.partners(pipelined)).isEqualTo(ViewDocuments.partners(oneLoop));
            assertThat(ViewDocuments.agreements(pipelined)).isEqualTo(ViewDocuments.agreements(oneLoop));
            assertThat(ViewDocuments.ledgers(pipelined)).isEqualTo(ViewDocuments.ledgers(oneLoop));
            assertThat(ViewDocuments.checkpointViews(pipelined)).isEqualTo(ViewDocuments.checkpointViews(oneLoop));
            assertThat(ViewDocuments.checkpointDirectories(pipelined))
                    .isEqualTo(ViewDocuments.checkpointDirectories(oneLoop));
            assertThat(ViewDocuments.checkpointViews(pipelined)).isNotEmpty();
        } finally {
            store.shutDown();
        }
    }
}

package de.ikz.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import de.ikz.ledger.api.partner.PartnerKind;
import de.ikz.ledger.api.partner.PartnerRegistered;
import de.ikz.ledger.query.processing.ViewProcessors;
import de.ikz.ledger.query.support.EventLog;
import de.ikz.ledger.query.support.LedgerApi;
import de.ikz.ledger.query.support.LedgerApi.Answer;
import de.ikz.ledger.query.support.QuerySideTestApplication;
import de.ikz.ledger.query.support.ReferenceCase;
import de.ikz.ledger.query.support.StreamEvent;
import de.ikz.ledger.query.support.ViewStoreProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The views and the processors' progress outlive the application on the same data directory. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void viewsSurviveARestartOnTheSameDataDirectoryAndProcessingGoesOnWhereItStopped() {
        EventStorageEngine durableEvents = new InMemoryEventStorageEngine();
        ReferenceCase ref = ReferenceCase.plain();
        JsonNode savingsBefore;
        List<Document> documentsBefore;
        try (ConfigurableApplicationContext first = start(durableEvents)) {
            long position = new EventLog(first.getBean(EventStore.class)).append(ref.all());
            savingsBefore = api(first)
                    .getConsistent("/api/savings?fiscalYear=2014", position)
                    .body();
            documentsBefore = documents(first);
        }
        if (!ViewStoreProperties.external()) {
            assertThat(Files.exists(dataDir.resolve("views.mv"))).isTrue();
        }

        Map<String, List<Object>> handledAfterRestart = new ConcurrentHashMap<>();
        try (ConfigurableApplicationContext second = start(durableEvents, handledAfterRestart)) {
            Answer savingsAfter = api(second).get("/api/savings?fiscalYear=2014");

            assertThat(savingsAfter.body()).isEqualTo(savingsBefore);
            assertThat(savingsAfter.body().get("total").get("savings").asText()).isEqualTo("15000.00");
            assertThat(documents(second)).isEqualTo(documentsBefore);

            long next = new EventLog(second.getBean(EventStore.class))
                    .append(StreamEvent.of(new PartnerRegistered(
                            "homburg", "Kreisstadt Homburg", PartnerKind.MUNICIPALITY, null, null)));
            Answer partners = api(second).getConsistent("/api/partners", next);

            assertThat(partners.header("X-Consistency-Reached")).contains("true");
            assertThat(partners.body().get("items")).hasSize(5);
            assertThat(documents(second)).isEqualTo(documentsBefore);
            assertThat(handledAfterRestart.get(ViewProcessors.PARTNERS))
                    .as("the partners processor resumed instead of replaying")
                    .containsExactly(new PartnerRegistered(
                            "homburg", "Kreisstadt Homburg", PartnerKind.MUNICIPALITY, null, null));
            assertThat(handledAfterRestart).doesNotContainKey(ViewProcessors.AGREEMENTS);
        }
    }

    private ConfigurableApplicationContext start(EventStorageEngine events) {
        return start(events, new ConcurrentHashMap<>());
    }

    /** Starts the query side on {@code events}, noting each event its processors handle. */
    private ConfigurableApplicationContext start(EventStorageEngine events, Map<String, List<Object>> handled) {
        Map<String, Object> properties = new HashMap<>(ViewStoreProperties.forDataDir(dataDir));
        properties.put("server.port", "0");
        ConfigurerModule recorder = configurer -> ViewProcessors.ALL.forEach(name -> configurer
                .eventProcessing()
                .registerHandlerInterceptor(name, config -> (unitOfWork, chain) -> {
                    handled.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>())
                            .add(unitOfWork.getMessage().getPayload());
                    return chain.proceed();
                }));
        return new SpringApplicationBuilder(QuerySideTestApplication.class)
                .properties(properties)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("eventStorageEngine", events);
                    context.getBeanFactory().registerSingleton("handledEventRecorder", recorder);
                })
                .run();
    }

    private static LedgerApi api(ConfigurableApplicationContext context) {
        return new LedgerApi(
                ((ServletWebServerApplicationContext) context).getWebServer().getPort());
    }

    /** The agreement and the ledgers (the new partner aside, every document must stay as it was). */
    private static List<Document> documents(ConfigurableApplicationContext context) {
        MongoDatabase views = context.getBean(MongoDatabase.class);
        List<Document> documents = new ArrayList<>();
        for (String collection : List.of("agreements", "partner_ledgers")) {
            views.getCollection(collection).find().sort(new Document("_id", 1)).into(documents);
        }
        views.getCollection("partners")
                .find(new Document("_id", new Document("$ne", "homburg")))
                .sort(new Document("_id", 1))
                .into(documents);
        return documents;
    }
}

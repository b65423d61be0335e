package de.ikz.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.ikz.ledger.command.http.HttpApi;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A replay cut short by a crash is redone cleanly when the service starts again. */
class ReplayRecoveryTest {

    @TempDir
    Path dataDir;

    @Test
    void aReplayCutShortIsRedoneOnTheNextStartAndLeavesNoDebris() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            int port = ((WebServerApplicationContext) first).getWebServer().getPort();
            ReferenceCaseScript.load(port);
            // what a crash in the middle of a replay leaves behind: a running job and half a generation
            MongoDatabase views = first.getBean(MongoDatabase.class);
            views.getCollection("replays")
                    .insertOne(new Document("_id", "cut-short")
                            .append("status", "RUNNING")
                            .append("requestedBy", "admin")
                            .append("generation", 1L)
                            .append("eventsTotal", 30L)
                            .append("eventsProcessed", 12L)
                            .append("eventsPerSecond", 100L)
                            .append("secondsLeft", 1L)
                            .append("startedAt", Instant.now().toString()));
            views.getCollection("agreements_g1")
                    .insertOne(new Document("_id", "half-written").append("lastSequence", 3L));
        }

        try (ConfigurableApplicationContext second = start()) {
            HttpApi api = new HttpApi(
                    ((WebServerApplicationContext) second).getWebServer().getPort());
            MongoDatabase views = second.getBean(MongoDatabase.class);
            Document redo = null;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(deadline)) {
                redo = views.getCollection("replays")
                        .find(Filters.eq("resumedFrom", "cut-short"))
                        .first();
                if (redo != null && !"RUNNING".equals(redo.getString("status"))) {
                    break;
                }
                Thread.sleep(100);
            }

            assertThat(redo).isNotNull();
            assertThat(redo.getString("status")).as(redo.toJson()).isEqualTo("COMPLETED");
            assertThat(api.as("admin:admin-local")
                            .get("/api/admin/replays/cut-short")
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("INTERRUPTED");
            assertThat(views.getCollection("agreements_g1")
                            .find(Filters.eq("_id", "half-written"))
                            .first())
                    .isNull();
            assertThat(api.as("manager:manager-local")
                            .get("/api/savings?fiscalYear=2014")
                            .json()
                            .path("total")
                            .path("savings")
                            .asText())
                    .isEqualTo("15000.00");
            assertThat(api.as("auditor:auditor-local")
                            .post("/api/audit/verifications", "{}")
                            .json()
                            .path("viewsMatchReplay")
                            .asBoolean())
                    .isTrue();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IkzLedgerApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--ikz.data-dir=" + dataDir);
    }
}

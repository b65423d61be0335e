package de.ikz.ledger.app;

import static de.ikz.ledger.app.IntegratorSupport.INTEGRATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.api.agreement.CostEntryRecorded;
import de.ikz.ledger.command.http.HttpApi;
import de.ikz.ledger.command.http.TestAccounts;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An event stored in an older shape of the published language, a row written straight into the
 * JDBC event store, is read in the current shape: by the event store's readers and by the feed.
 */
@SpringBootTest(classes = IkzLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntegratorUpcastingTest {

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventStore eventStore;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAccounts.register(registry, dataDir);
    }

    @Test
    void aCostEntryStoredWithItsAmountAsANumberIsReadAtRevisionOneWithTheAmountAsText() throws Exception {
        String agreement = "altvertrag-" + UUID.randomUUID().toString().substring(0, 8);
        String payload = "{\"agreementId\":\"" + agreement + "\",\"delegationId\":\"wohngeld\",\"entryId\":\"alt-1\","
                + "\"partnerId\":\"saarpfalz-kreis\",\"fiscalYear\":2013,\"kind\":\"BASELINE\",\"amount\":1234.5,"
                + "\"description\":\"aus dem Altsystem\"}";
        insertRow(agreement, CostEntryRecorded.class.getName(), "0", payload);

        DomainEventStream stream = eventStore.readEvents(agreement, 0);
        DomainEventMessage<?> read = stream.next();
        JsonNode envelope = IntegratorSupport.feed(new HttpApi(port), -1, 100).stream()
                .filter(e -> e.path("aggregateId").asText().equals(agreement))
                .findFirst()
                .orElseThrow();

        assertThat(read.getPayload()).isInstanceOf(CostEntryRecorded.class);
        assertThat(((CostEntryRecorded) read.getPayload()).amount()).isEqualTo(new BigDecimal("1234.50"));
        assertThat(envelope.path("type").asText()).isEqualTo("CostEntryRecorded");
        assertThat(envelope.path("revision").asText()).isEqualTo("1");
        assertThat(envelope.path("payload").path("amount").isTextual()).isTrue();
        assertThat(envelope.path("payload").path("amount").asText()).isEqualTo("1234.50");
        assertThat(new HttpApi(port)
                        .as(INTEGRATOR)
                        .get("/api/events?types=CostEntryRecorded")
                        .json()
                        .path("items"))
                .hasSize(1);
    }

    private void insertRow(String aggregate, String type, String revision, String payload) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                                + " metaData, payload, payloadRevision, payloadType, timeStamp)"
                                + " VALUES (?, 0, 'CooperationAgreement', ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, aggregate);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, "{\"actor\":\"altsystem\"}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(5, revision);
            insert.setString(6, type);
            insert.setString(7, Instant.parse("2013-12-31T12:00:00Z").toString());
            insert.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}

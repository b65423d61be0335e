package de.ikz.ledger.command.http;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.command.CommandSideApplication;
import de.ikz.ledger.platform.audit.EventChainVerifier;
import de.ikz.ledger.platform.audit.EventChainVerifier.ChainReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tampering directly in the event store's database is found by the chain verification. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HashChainTest {

    @TempDir
    static Path dataDir;

    private static boolean loaded;

    @LocalServerPort
    int port;

    @Autowired
    EventChainVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAccounts.register(registry, dataDir);
    }

    @BeforeEach
    void load() {
        if (!loaded) {
            Background.load(
                    new HttpApi(port), "admin:admin-test", "saarbruecken:city-test", "saarpfalz-kreis:district-test");
            loaded = true;
        }
    }

    @Test
    void untouchedChainsAreIntactAndEveryEventCarriesItsHash() {
        ChainReport report = verifier.verify(n -> {});

        long events = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        assertThat(report.chainIntact())
                .as(String.valueOf(report.firstBrokenEvent()))
                .isTrue();
        assertThat(report.eventsChecked()).isEqualTo(events).isGreaterThan(30);
        assertThat(jdbc.queryForList("SELECT metaData FROM DomainEventEntry", byte[].class))
                .allSatisfy(metadata -> assertThat(new String(metadata, StandardCharsets.UTF_8))
                        .containsPattern("\"hash\":\"[0-9a-f]{64}\""));
    }

    @Test
    void anAlteredPayloadIsReportedAsTheFirstBrokenEvent() {
        Map<String, Object> row = jdbc.queryForMap("SELECT globalIndex, eventIdentifier, payload FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = 'ref' AND payloadType LIKE '%CostEntryRecorded'");
        byte[] original = (byte[]) row.get("PAYLOAD");
        byte[] altered = new String(original, StandardCharsets.UTF_8)
                .replace("\"5.00\"", "\"5000.00\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(altered).isNotEqualTo(original);
        try {
            jdbc.update(
                    "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", altered, row.get("GLOBALINDEX"));

            ChainReport report = verifier.verify(n -> {});

            assertThat(report.chainIntact()).isFalse();
            assertThat(report.firstBrokenEvent().eventId()).isEqualTo(row.get("EVENTIDENTIFIER"));
            assertThat(report.firstBrokenEvent().position()).isEqualTo(row.get("GLOBALINDEX"));
            assertThat(report.firstBrokenEvent().reason()).contains("differs");
        } finally {
            jdbc.update(
                    "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", original, row.get("GLOBALINDEX"));
        }
        assertThat(verifier.verify(n -> {}).chainIntact()).isTrue();
    }

    @Test
    void aDeletedLastEventIsFoundThroughTheAnchor() {
        Map<String, Object> last = jdbc.queryForMap(
                "SELECT * FROM DomainEventEntry WHERE aggregateIdentifier = 'homburg' ORDER BY sequenceNumber DESC LIMIT 1");
        jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", last.get("GLOBALINDEX"));
        try {
            ChainReport report = verifier.verify(n -> {});

            assertThat(report.chainIntact()).isFalse();
            assertThat(report.firstBrokenEvent().aggregateId()).isEqualTo("homburg");
            assertThat(report.firstBrokenEvent().reason()).contains("missing");
        } finally {
            String columns = String.join(", ", last.keySet());
            String marks =
                    String.join(", ", last.keySet().stream().map(c -> "?").toList());
            jdbc.update(
                    "INSERT INTO DomainEventEntry (" + columns + ") VALUES (" + marks + ")",
                    last.values().toArray());
        }
        assertThat(verifier.verify(n -> {}).chainIntact()).isTrue();
    }
}

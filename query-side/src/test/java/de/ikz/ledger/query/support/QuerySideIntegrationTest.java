package de.ikz.ledger.query.support;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query side on an in-memory event store, its views in a fresh store, read over real HTTP.
 * Test classes share the context: each works on partners and agreements of its own.
 */
@SpringBootTest(classes = QuerySideTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class QuerySideIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected EventStore eventStore;

    @Autowired
    protected MongoDatabase viewDatabase;

    @Autowired
    protected EventProcessingConfiguration processing;

    protected LedgerApi api;

    @DynamicPropertySource
    static void viewStore(DynamicPropertyRegistry registry) {
        ViewStoreProperties.fresh().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeEach
    void connectApi() {
        api = new LedgerApi(port);
    }
}

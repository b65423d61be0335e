package de.ikz.ledger.query.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * The MongoDB the views live in: the configured server, or, when none is configured, the embedded
 * one with its file under the data directory. Closing it closes the client, then the embedded
 * server.
 */
public final class ViewMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ViewMongo.class);

    /** The file of the embedded server, inside the data directory. */
    public static final String EMBEDDED_FILE = "views.mv";

    private final EmbeddedMongoServer embedded;
    private final MongoClient client;

    private ViewMongo(EmbeddedMongoServer embedded, MongoClient client) {
        this.embedded = embedded;
        this.client = client;
    }

    /**
     * @param uri a MongoDB connection string; blank for the embedded server
     * @param dataDir where the embedded server keeps its file
     */
    public static ViewMongo connect(String uri, Path dataDir) {
        if (StringUtils.hasText(uri)) {
            ConnectionString connection = new ConnectionString(uri);
            log.info("Views in MongoDB at {}", connection.getHosts());
            return new ViewMongo(null, MongoClients.create(settings(connection)));
        }
        Path file = dataDir.resolve(EMBEDDED_FILE);
        EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
        log.info("Views in the embedded MongoDB-wire server on {} (file {})", server.connectionString(), file);
        try {
            return new ViewMongo(
                    server, MongoClients.create(settings(new ConnectionString(server.connectionString()))));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static MongoClientSettings settings(ConnectionString connection) {
        return MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build();
    }

    public MongoClient client() {
        return client;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * Makes the writes so far durable: the embedded server commits its file now; a MongoDB server
     * has acknowledged them already.
     */
    public void commit() {
        if (embedded != null) {
            embedded.commit();
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}

package de.ikz.ledger.platform.operations;

import com.mongodb.client.MongoClient;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Every MongoDB client of the service reaches its server: {@code {ping: 1}} answers. Spring Boot's
 * own MongoDB health indicator needs Spring Data, which the service does not use.
 */
public class MongoHealthIndicator extends AbstractHealthIndicator {

    private static final Document PING = new Document("ping", 1);

    private final Map<String, MongoClient> clients;

    /** @param clients the clients by bean name */
    public MongoHealthIndicator(Map<String, MongoClient> clients) {
        super("MongoDB does not answer");
        this.clients = new TreeMap<>(clients);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        for (Map.Entry<String, MongoClient> client : clients.entrySet()) {
            client.getValue().getDatabase("admin").runCommand(PING);
            builder.withDetail(
                    client.getKey(), client.getValue().getClusterDescription().getShortDescription());
        }
        builder.up();
    }
}

package de.ikz.ledger.distributed.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.ikz.ledger.command.http.HttpApi;
import de.ikz.ledger.command.http.HttpApi.Reply;
import de.ikz.ledger.distributed.support.ServiceProcess.Settings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.bson.Document;

/** The settings both sides get in these tests, and waiting for what the views show. */
public final class Ledger {

    public static final String ADMIN = "admin:admin-test";
    public static final String MANAGER = "manager:manager-test";

    /** The database of the views and the processors' tokens (the default of {@code ikz.mongo.database}). */
    public static final String VIEW_DATABASE = "ikz-ledger";

    public static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private Ledger() {}

    /** The command side on the shared event store; it creates the event tables. */
    public static Settings commandSide(SharedStores stores, Path dataDir) {
        return new Settings()
                .set("SPRING_DATASOURCE_URL", stores.eventStoreUrl())
                .set("IKZ_DATA_DIR", dataDir.toString())
                .account(0, "admin", "admin-test", "ADMIN")
                .account(1, "manager", "manager-test", "MANAGER");
    }

    /** A query side reading the shared event store, with its views and tokens in the shared MongoDB. */
    public static Settings querySide(SharedStores stores, Path dataDir) {
        return new Settings()
                .set("SPRING_DATASOURCE_URL", stores.eventStoreUrl())
                .set("SPRING_DATASOURCE_USERNAME", "sa")
                .set("SPRING_DATASOURCE_PASSWORD", "")
                .set("IKZ_MONGO_URI", stores.mongoUri())
                .set("IKZ_DATA_DIR", dataDir.toString())
                .set("IKZ_CONSISTENCY_MAX_WAIT", "20s")
                .account(0, "admin", "admin-test", "ADMIN")
                .account(1, "manager", "manager-test", "MANAGER");
    }

    /** Polls {@code path} as the manager until the answer satisfies {@code done}. */
    public static JsonNode awaitView(HttpApi api, String path, Predicate<JsonNode> done, Duration timeout) {
        return await(
                () -> {
                    Reply reply = api.as(MANAGER).get(path);
                    return reply.status() == 200 ? reply.json() : null;
                },
                json -> json != null && done.test(json),
                timeout,
                "GET " + path);
    }

    public static <T> T await(Supplier<T> probe, Predicate<T> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError(what + " did not come true within " + timeout + "; last: " + last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }

    /** The total savings of all partners in a fiscal year, as the query side answers it. */
    public static String totalSavings(JsonNode savings) {
        return savings.path("total").path("savings").asText();
    }

    /** Who holds which segment of each view processor: {@code processor -> segment -> owner}. */
    public static Map<String, Map<Integer, String>> segmentOwners(SharedStores stores) {
        Map<String, Map<Integer, String>> owners = new HashMap<>();
        try (MongoClient client = MongoClients.create(stores.mongoUri())) {
            for (Document token : client.getDatabase(VIEW_DATABASE)
                    .getCollection("trackingtokens")
                    .find()) {
                owners.computeIfAbsent(token.getString("processorName"), k -> new HashMap<>())
                        .put(token.getInteger("segment"), token.getString("owner"));
            }
        }
        return owners;
    }

    /** Rows of a table of the shared event store. */
    public static long rows(SharedStores stores, String table) {
        try (Connection connection = DriverManager.getConnection(stores.eventStoreUrl(), "sa", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables of the shared event store, with their columns. */
    public static java.util.Set<String> tables(SharedStores stores) {
        java.util.Set<String> tables = new java.util.TreeSet<>();
        try (Connection connection = DriverManager.getConnection(stores.eventStoreUrl(), "sa", "");
                Statement statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                                + " WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (result.next()) {
                tables.add(result.getString(1) + "." + result.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }
}

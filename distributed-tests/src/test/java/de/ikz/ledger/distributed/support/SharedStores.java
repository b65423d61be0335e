package de.ikz.ledger.distributed.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * What the two sides share in the JDBC variant, on the loopback interface only: the event store in
 * an H2 database served over TCP (the command side writes it, the query side reads it), and one
 * MongoDB-wire server for the views and the processors' tokens.
 */
public final class SharedStores implements AutoCloseable {

    private final Server h2;
    private final MongoServer mongo;

    private SharedStores(Server h2, MongoServer mongo) {
        this.h2 = h2;
        this.mongo = mongo;
    }

    /** Starts both servers; the database files live under {@code baseDir}. */
    public static SharedStores start(Path baseDir) throws SQLException {
        // without -tcpAllowOthers the H2 server accepts connections from this machine only
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", baseDir.toString())
                .start();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        try {
            mongo.bind("127.0.0.1", 0);
        } catch (RuntimeException e) {
            h2.stop();
            throw e;
        }
        return new SharedStores(h2, mongo);
    }

    /** The JDBC URL of the shared event store, as both sides get it in {@code SPRING_DATASOURCE_URL}. */
    public String eventStoreUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/events";
    }

    /** The connection string of the views, as the query side gets it in {@code IKZ_MONGO_URI}. */
    public String mongoUri() {
        InetSocketAddress address = mongo.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public void close() {
        try {
            mongo.shutdownNow();
        } finally {
            h2.stop();
        }
    }
}

package de.ikz.ledger.query.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process MongoDB-wire server of the local default: views kept in one H2 file, served on a
 * free port of the loopback interface only, so that the real driver talks to it over TCP.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";

    private final MongoServer server;
    private final H2Backend backend;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, H2Backend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.address = address;
    }

    /** Opens (or creates) the store file and starts serving it. */
    public static EmbeddedMongoServer start(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of " + absolute, e);
        }
        H2Backend backend = new H2Backend(absolute.toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(LOOPBACK, 0);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        return new EmbeddedMongoServer(server, backend, server.getLocalAddress());
    }

    /** A connection string for the real driver. */
    public String connectionString() {
        return "mongodb://" + LOOPBACK + ":" + address.getPort();
    }

    /**
     * Writes what is not yet in the file now. The store commits by itself about once a second, so
     * a killed process loses at most that last second (views and tokens together, which the
     * processors then redo); a write that must survive a crash right after it calls this.
     */
    public void commit() {
        backend.commit();
    }

    /** Stops serving and closes the store file. */
    @Override
    public void close() {
        server.shutdown();
    }
}

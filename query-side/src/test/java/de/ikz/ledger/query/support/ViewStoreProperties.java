package de.ikz.ledger.query.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Where a test context keeps its views: the embedded server in a fresh directory, or the real
 * MongoDB named by {@code IKZ_TEST_MONGO_URI} with a fresh database. An {@code IKZ_MONGO_URI} of the
 * environment is overridden either way.
 */
public final class ViewStoreProperties {

    public static final String TEST_MONGO_URI = "IKZ_TEST_MONGO_URI";

    private ViewStoreProperties() {}

    public static Map<String, String> fresh() {
        return forDataDir(newDataDir());
    }

    /** Whether the tests run against a real MongoDB. */
    public static boolean external() {
        String uri = System.getenv(TEST_MONGO_URI);
        return uri != null && !uri.isBlank();
    }

    public static Map<String, String> forDataDir(Path dataDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ikz.data-dir", dataDir.toString());
        if (external()) {
            properties.put("ikz.mongo.uri", System.getenv(TEST_MONGO_URI));
            properties.put("ikz.mongo.database", "ikz-ledger-test-" + dataDir.getFileName());
        } else {
            properties.put("ikz.mongo.uri", "");
        }
        return properties;
    }

    public static Path newDataDir() {
        try {
            Path base = Files.createDirectories(Path.of("target", "test-data"));
            return Files.createTempDirectory(
                    base, "views-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package de.ikz.ledger.query.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the views live. {@code ikz.mongo.uri} ({@code IKZ_MONGO_URI}) names a MongoDB; left empty,
 * an embedded MongoDB-wire server keeps the views in {@code ${ikz.data-dir}/views.mv}. The tokens
 * of the view processors are kept in the same database, so views and progress travel together.
 */
@Configuration(proxyBeanMethods = false)
public class ViewStoreConfiguration {

    @Bean(destroyMethod = "close")
    ViewMongo viewMongo(@Value("${ikz.mongo.uri:}") String uri, @Value("${ikz.data-dir:./data}") Path dataDir) {
        return ViewMongo.connect(uri, dataDir);
    }

    /** Closed by {@link ViewMongo}. */
    @Bean(destroyMethod = "")
    MongoClient viewMongoClient(ViewMongo mongo) {
        return mongo.client();
    }

    @Bean
    MongoDatabase viewDatabase(MongoClient viewMongoClient, @Value("${ikz.mongo.database:ikz-ledger}") String name) {
        return viewMongoClient.getDatabase(name);
    }

    /** Where the live views are: the active generation of the view database. */
    @Bean
    ViewScope viewScope(MongoDatabase viewDatabase, ViewGenerations generations, ViewMongo viewMongo) {
        return ViewScope.live(viewDatabase, generations, viewMongo);
    }

    /**
     * Several replicas of the query side share one token store: each claims segments of the view
     * processors, and a replica takes over the segments of another whose claim has not been
     * renewed for {@code axon.eventhandling.tokenstore.claim-timeout} (Axon's setting, default 10
     * seconds).
     */
    @Bean
    TokenStore viewTokenStore(
            MongoDatabase viewDatabase,
            Serializer serializer,
            @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(viewDatabase)
                        .build())
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .build();
    }
}

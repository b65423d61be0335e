package de.ikz.ledger.query;

import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The query side as a service of its own. It reads the events through Axon Server ({@code
 * axon.axonserver.servers}) or, in the JDBC variant, straight from the event store the command
 * side writes ({@code spring.datasource.url}); its tokens stay next to the views in MongoDB. It
 * listens on the loopback interface unless {@code server.address} says otherwise.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {MongoAutoConfiguration.class, DataSourceAutoConfiguration.class})
@Import({QuerySide.class, QuerySideApplication.SharedEventStore.class})
public class QuerySideApplication {

    /** Defaults of the standalone query side; properties and environment variables override them. */
    static final Map<String, Object> DEFAULTS = Map.of(
            "server.address", "127.0.0.1",
            // the command side owns the event store: the query side never creates or migrates tables
            "spring.sql.init.mode", "never");

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(QuerySideApplication.class);
        application.setDefaultProperties(DEFAULTS);
        application.run(args);
    }

    /**
     * The JDBC variant: a connection to the event store of the command side, only when {@code
     * spring.datasource.url} is set, so that the Axon Server variant opens no database at all.
     * Axon's JDBC auto-configuration reads the events through it; the view processors keep their
     * tokens in MongoDB all the same.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("spring.datasource.url")
    @EnableConfigurationProperties(DataSourceProperties.class)
    static class SharedEventStore {

        @Bean
        DataSource dataSource(DataSourceProperties properties) {
            return properties.initializeDataSourceBuilder().build();
        }
    }
}

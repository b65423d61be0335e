package de.ikz.ledger.query;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The query side as a service of its own, fed through Axon Server ({@code
 * axon.axonserver.servers}). It listens on the loopback interface unless {@code server.address}
 * says otherwise.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = MongoAutoConfiguration.class)
@Import(QuerySide.class)
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(QuerySideApplication.class);
        application.setDefaultProperties(Map.of("server.address", "127.0.0.1"));
        application.run(args);
    }
}

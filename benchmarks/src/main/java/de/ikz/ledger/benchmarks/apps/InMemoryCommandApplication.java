package de.ikz.ledger.benchmarks.apps;

import de.ikz.ledger.command.CommandSide;
import de.ikz.ledger.platform.PlatformConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The same aggregates, command handlers and HTTP API on Axon's {@link InMemoryEventStorageEngine}
 * without the hash chain: the ceiling the framework allows on this machine.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = MongoAutoConfiguration.class)
@ComponentScan(
        basePackageClasses = CommandSide.class,
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
            @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = CommandSide.class),
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = "de\\.ikz\\.ledger\\.command\\.audit\\..*")
        })
@Import({PlatformConfiguration.class, NoOpEndpoint.class})
@PropertySource("classpath:ikz/command-side-defaults.properties")
public class InMemoryCommandApplication {

    @Bean
    EventStorageEngine eventStorageEngine() {
        return new InMemoryEventStorageEngine();
    }
}

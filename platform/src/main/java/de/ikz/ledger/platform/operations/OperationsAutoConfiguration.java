package de.ikz.ledger.platform.operations;

import com.mongodb.client.MongoClient;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health of what the ledger depends on, for whatever the application holds: the event store, the
 * streaming event processors, and MongoDB where a client exists. An auto-configuration, so that
 * each indicator sees the beans of every side and of Axon's own auto-configuration. The readiness
 * group ({@code management.endpoint.health.group.readiness}) includes them.
 */
@AutoConfiguration(
        afterName = {
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration",
            "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration"
        })
@ConditionalOnClass(HealthIndicator.class)
public class OperationsAutoConfiguration {

    @Bean
    @ConditionalOnBean(EventStore.class)
    @ConditionalOnEnabledHealthIndicator("eventstore")
    EventStoreHealthIndicator eventStoreHealthIndicator(EventStore eventStore) {
        return new EventStoreHealthIndicator(eventStore);
    }

    @Bean
    @ConditionalOnBean({EventStore.class, EventProcessingConfiguration.class})
    @ConditionalOnEnabledHealthIndicator("eventprocessors")
    EventProcessorsHealthIndicator eventProcessorsHealthIndicator(
            ObjectProvider<EventProcessingConfiguration> processing,
            EventStore eventStore,
            @Value("${ikz.health.max-processor-lag:10000}") long maxLag) {
        return new EventProcessorsHealthIndicator(processing::getObject, eventStore, maxLag);
    }

    /** Only where the MongoDB driver is on the class path and the application has a client. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.mongodb.client.MongoClient")
    static class MongoHealth {

        @Bean
        @ConditionalOnBean(type = "com.mongodb.client.MongoClient")
        @ConditionalOnEnabledHealthIndicator("mongo")
        MongoHealthIndicator mongoHealthIndicator(Map<String, MongoClient> clients) {
            return new MongoHealthIndicator(clients);
        }
    }
}

package de.ikz.ledger.command.infra;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Snapshots and refusal handling of the command side. */
@Configuration(proxyBeanMethods = false)
public class CommandSideAxonConfiguration {

    /** The bean both aggregates name as their cache. */
    public static final String AGGREGATE_CACHE = "aggregateCache";

    /** Takes a snapshot of an agreement every {@code ikz.snapshots.agreement-threshold} events. */
    @Bean
    SnapshotTriggerDefinition agreementSnapshotTrigger(
            Snapshotter snapshotter, @Value("${ikz.snapshots.agreement-threshold:100}") int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException(
                    "ikz.snapshots.agreement-threshold must be at least 1, was " + threshold);
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * The aggregates most recently used, kept in memory ({@code ikz.aggregates.cache-size} of them;
     * 0 turns the cache off). Only safe while this process is the only writer of a stream: one
     * command side on the embedded or a JDBC store, or several behind Axon Server, which routes
     * every aggregate to one of them.
     */
    @Bean(AGGREGATE_CACHE)
    Cache aggregateCache(@Value("${ikz.aggregates.cache-size:10000}") int size) {
        if (size < 0) {
            throw new IllegalArgumentException("ikz.aggregates.cache-size must not be negative, was " + size);
        }
        return size == 0 ? NoCache.INSTANCE : new BoundedAggregateCache(size);
    }

    @Bean
    PersistenceExceptionResolver duplicateKeyResolver() {
        return new DuplicateKeyResolver();
    }

    @Autowired
    void registerRefusalInterceptor(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RefusalInterceptor());
    }
}

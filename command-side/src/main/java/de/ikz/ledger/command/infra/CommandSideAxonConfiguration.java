package de.ikz.ledger.command.infra;

import org.axonframework.commandhandling.CommandBus;
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
class CommandSideAxonConfiguration {

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

    @Bean
    PersistenceExceptionResolver duplicateKeyResolver() {
        return new DuplicateKeyResolver();
    }

    @Autowired
    void registerRefusalInterceptor(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RefusalInterceptor());
    }
}

package de.ikz.ledger.platform.operations;

import de.ikz.ledger.platform.axon.CorrelationLogging;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What operations needs from every side: correlation ids in the log lines of message handlers, and
 * the readiness switch for replays. Health indicators come from {@link OperationsAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    @Bean
    ReplayReadiness replayReadiness(ApplicationEventPublisher events) {
        return new ReplayReadiness(events);
    }

    /** Command and query handlers log with the correlation id of their message. */
    @Autowired
    void logCorrelationIdsOfCommandsAndQueries(CommandBus commandBus, QueryBus queryBus) {
        CorrelationLogging correlationLogging = new CorrelationLogging();
        commandBus.registerHandlerInterceptor(correlationLogging);
        queryBus.registerHandlerInterceptor(correlationLogging);
    }

    /**
     * Event handlers in every processor log with the correlation id of their event. Static: Axon's
     * configurer needs it before this configuration, which needs Axon's buses, can be created.
     */
    @Bean
    static ConfigurerModule logCorrelationIdsOfEvents() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processorName) -> new CorrelationLogging());
    }
}

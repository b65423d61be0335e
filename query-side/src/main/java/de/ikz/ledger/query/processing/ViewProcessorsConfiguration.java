package de.ikz.ledger.query.processing;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Each view is fed by a pooled streaming processor that starts at the tail of the event store (so
 * an empty view database replays all history), keeps its tokens next to the views, and retries a
 * failed batch instead of skipping it: every write is idempotent, so a retry is safe.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ViewProcessorsConfiguration {

    @Bean
    ConfigurerModule viewProcessors(
            @Qualifier("viewTokenStore") TokenStore viewTokenStore,
            @Value("${ikz.query.segments:4}") int segments,
            @Value("${ikz.query.batch-size:16}") int batchSize) {
        if (segments < 1 || batchSize < 1) {
            throw new IllegalArgumentException("ikz.query.segments and ikz.query.batch-size must be positive");
        }
        return configurer -> {
            for (String name : ViewProcessors.ALL) {
                configurer
                        .eventProcessing()
                        .registerPooledStreamingEventProcessor(
                                name,
                                Configuration::eventStore,
                                (config, builder) -> builder.initialToken(StreamableMessageSource::createTailToken)
                                        .initialSegmentCount(segments)
                                        .batchSize(batchSize))
                        .registerTokenStore(name, config -> viewTokenStore)
                        .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance());
            }
        };
    }
}

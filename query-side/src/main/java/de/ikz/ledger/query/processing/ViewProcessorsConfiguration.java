package de.ikz.ledger.query.processing;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Each view is fed by a pooled streaming processor that starts at the tail of the event store (so
 * an empty view database replays all history) and keeps its tokens next to the views. An event a
 * view fails on is parked in a persistent dead-letter queue next to the views (collection {@value
 * #DEAD_LETTERS}), together with every later event of the same aggregate, so that the stream's order
 * holds, while the other aggregates' events go on; {@link DeadLetters} lists and retries them. Every
 * write is idempotent, so a retry is safe.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ViewProcessorsConfiguration {

    /** The collection of the parked events of every view processor. */
    public static final String DEAD_LETTERS = "deadletters";

    @Bean
    ConfigurerModule viewProcessors(
            @Qualifier("viewTokenStore") TokenStore viewTokenStore,
            MongoDatabase viewDatabase,
            @Qualifier("eventSerializer") Serializer eventSerializer,
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
                        .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance())
                        .registerDeadLetterQueue(
                                name,
                                config -> MongoSequencedDeadLetterQueue.builder()
                                        .processingGroup(name)
                                        .mongoTemplate(DefaultMongoTemplate.builder()
                                                .mongoDatabase(viewDatabase)
                                                .build()
                                                .withDeadLetterCollection(DEAD_LETTERS))
                                        .serializer(eventSerializer)
                                        .build())
                        .registerDeadLetteringEventHandlerInvokerConfiguration(
                                name,
                                (config, builder) ->
                                        builder.enableSequenceIdentifierCache().allowReset(true));
            }
        };
    }
}

package de.ikz.ledger.platform.axon;

import de.ikz.ledger.api.PublishedJson;
import de.ikz.ledger.api.upcasting.CostAmountUpcaster;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Serialization, correlation and time, the same on both sides of the ledger. */
@Configuration(proxyBeanMethods = false)
public class AxonMessagingConfiguration {

    /** Business dates ("today") are those of the German public administration. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Berlin");

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(PublishedJson.storedMessageMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter(AxonMessagingConfiguration.class.getClassLoader()))
                .build();
    }

    /** Copies who acted, the correlation id and the causing command onto every event a command produces. */
    @Bean
    CorrelationDataProvider ledgerCorrelation() {
        return new SimpleCorrelationDataProvider(
                List.copyOf(MessageMetadata.PROPAGATED).toArray(String[]::new));
    }

    /**
     * The upcasters of the published language. Axon hands every {@code EventUpcaster} bean to the
     * event store, so both sides read events stored in an older shape in the current one.
     */
    @Bean
    CostAmountUpcaster costAmountUpcaster() {
        return new CostAmountUpcaster();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(BUSINESS_ZONE);
    }
}

package de.ikz.ledger.command.audit;

import de.ikz.ledger.platform.audit.ChainAnchors;
import de.ikz.ledger.platform.audit.EventChainVerifier;
import de.ikz.ledger.platform.audit.EventHashChain;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Hash chain and anchors on the embedded JDBC event store. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
class AuditTrailConfiguration {

    @Bean
    static ChainAnchors chainAnchors(JdbcTemplate jdbc) {
        return new JdbcChainAnchors(jdbc);
    }

    @Bean
    static EventHashChain eventHashChain(@Qualifier("eventSerializer") Serializer eventSerializer) {
        return new EventHashChain(eventSerializer);
    }

    @Bean
    static EventChainVerifier eventChainVerifier(JdbcTemplate jdbc, ChainAnchors anchors) {
        return new JdbcEventChainVerifier(jdbc, anchors);
    }

    @Autowired
    void chainEveryEvent(EventStore eventStore, EventHashChain chain, ChainAnchors anchors) {
        eventStore.registerDispatchInterceptor(new HashChainingInterceptor(chain, anchors));
    }
}

package de.ikz.ledger.command.audit;

import de.ikz.ledger.platform.audit.ChainAnchors;
import de.ikz.ledger.platform.audit.EventChainVerifier;
import de.ikz.ledger.platform.audit.EventHashChain;
import de.ikz.ledger.platform.events.EventPositions;
import java.util.HashMap;
import java.util.Map;
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

    /** Positions straight from the event table: one indexed query per stream. */
    @Bean
    static EventPositions eventPositions(JdbcTemplate jdbc) {
        return aggregateId -> {
            Map<Long, Long> positions = new HashMap<>();
            jdbc.query(
                    "SELECT sequenceNumber, globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                    rs -> {
                        positions.put(rs.getLong(1), rs.getLong(2));
                    },
                    aggregateId);
            return positions;
        };
    }

    @Autowired
    void chainEveryEvent(EventStore eventStore, EventHashChain chain, ChainAnchors anchors) {
        eventStore.registerDispatchInterceptor(new HashChainingInterceptor(chain, anchors));
    }
}

package de.ikz.ledger.command.web;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.platform.axon.MessageMetadata;
import de.ikz.ledger.platform.consistency.ConsistencyToken;
import de.ikz.ledger.platform.security.Actor;
import de.ikz.ledger.platform.web.CorrelationFilter;
import de.ikz.ledger.platform.web.LedgerProblemException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of the authenticated actor, waits for its outcome and answers with
 * the consistency token of the write. Stamps actor, correlation id and command onto the message;
 * Axon copies them onto every event the command causes.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final Duration timeout;

    CommandSender(
            CommandGateway gateway, EventStore eventStore, @Value("${ikz.commands.timeout:PT30S}") Duration timeout) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        this.timeout = timeout;
    }

    /** Sends a command that changes an existing aggregate. */
    public <R> Sent<R> send(Object command) {
        return send(command, ErrorCode.CONCURRENT_MODIFICATION);
    }

    /**
     * Sends a command; a clash on the event stream (the id exists, or another writer won) is
     * answered with {@code conflictCode}.
     */
    public <R> Sent<R> send(Object command, ErrorCode conflictCode) {
        Actor actor = Actor.current();
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MessageMetadata.ACTOR, actor.name());
        metadata.put(MessageMetadata.ACTOR_ROLE, actor.role().name());
        if (actor.partnerId() != null) {
            metadata.put(MessageMetadata.ACTOR_PARTNER, actor.partnerId());
        }
        metadata.put(MessageMetadata.CORRELATION_ID, CorrelationFilter.current());
        metadata.put(MessageMetadata.COMMAND, command.getClass().getSimpleName());
        metadata.put(MessageMetadata.COMMAND_ID, message.getIdentifier());
        R result = await(message.andMetaData(metadata), conflictCode);
        return new Sent<>(result, headPosition());
    }

    private <R> R await(CommandMessage<?> message, ErrorCode conflictCode) {
        try {
            return gateway.<R>send(message).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof AggregateStreamCreationException || cause instanceof ConcurrencyException) {
                throw new LedgerProblemException(conflictCode, null);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException slow) {
            throw new LedgerProblemException(
                    ErrorCode.SERVICE_UNAVAILABLE, "The command was not answered within " + timeout + ".");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new LedgerProblemException(ErrorCode.SERVICE_UNAVAILABLE, null);
        }
    }

    private String headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? null : ConsistencyToken.format(head.position().orElse(0));
    }

    /** The outcome of a command and the consistency token of its write. */
    public record Sent<R>(R result, String consistencyToken) {
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            if (consistencyToken != null) {
                headers.set(ConsistencyToken.HEADER, consistencyToken);
            }
            return headers;
        }
    }
}

package de.ikz.ledger.command.web;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.Refusal;
import de.ikz.ledger.command.domain.VersionMatches;
import de.ikz.ledger.command.infra.AggregateVersions;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.RemoteHandlingException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Sends a command on behalf of the authenticated actor, waits for its outcome and answers with
 * the consistency token of the write. Stamps actor, correlation id and command onto the message;
 * Axon copies them onto every event the command causes. An {@code If-Match} of the request names the
 * version the command expects ({@link VersionMatches}); the answer carries the version the aggregate
 * reached as {@code ETag}.
 */
@Component
public class CommandSender {

    /**
     * Request attribute: a {@code Map<String, Object>} of further command metadata that a filter in
     * front of the controllers adds for the request.
     */
    public static final String REQUEST_METADATA = CommandSender.class.getName() + ".metadata";

    private static final Pattern ENTITY_TAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    /** Axon Server's error code for an append at a sequence number the stream has used already. */
    private static final String INVALID_EVENT_SEQUENCE =
            org.axonframework.axonserver.connector.ErrorCode.INVALID_EVENT_SEQUENCE.errorCode();

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
        metadata.putAll(fromRequest());
        CommandResultMessage<? extends R> result = await(message.andMetaData(metadata), conflictCode);
        Object version = result.getMetaData().get(AggregateVersions.AGGREGATE_VERSION);
        return new Sent<>(
                result.getPayload(),
                headPosition(),
                version instanceof Number number ? Long.valueOf(number.longValue()) : null);
    }

    /** Metadata the current request adds: the version named in {@code If-Match}, and what filters added. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fromRequest() {
        if (!(RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes request)) {
            return Map.of();
        }
        Map<String, Object> metadata = new HashMap<>();
        Object added = request.getAttribute(REQUEST_METADATA, RequestAttributes.SCOPE_REQUEST);
        if (added instanceof Map<?, ?> map) {
            metadata.putAll((Map<String, Object>) map);
        }
        String ifMatch = request.getRequest().getHeader("If-Match");
        if (ifMatch != null && !ifMatch.strip().equals("*")) {
            Matcher tag = ENTITY_TAG.matcher(ifMatch.strip());
            if (!tag.matches()) {
                throw LedgerProblemException.invalidField(
                        "If-Match", "must be the ETag of the resource: its version, for example \"7\"");
            }
            metadata.put(VersionMatches.EXPECTED_VERSION, Long.parseLong(tag.group(1)));
        }
        return metadata;
    }

    private <R> CommandResultMessage<? extends R> await(CommandMessage<?> message, ErrorCode conflictCode) {
        try {
            FutureCallback<Object, R> outcome = new FutureCallback<>();
            gateway.send(message, outcome);
            CommandResultMessage<? extends R> result = outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (result.isExceptional()) {
                throw new ExecutionException(result.exceptionResult());
            }
            return result;
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (isStreamClash(cause)) {
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

    /**
     * The id exists already, or another writer appended first. In one JVM Axon reports this as
     * {@link AggregateStreamCreationException} or {@link ConcurrencyException}. Through Axon Server
     * it arrives as a {@link CommandExecutionException} without a {@link Refusal}: the append was
     * refused by Axon Server with its code for an invalid event sequence, which the handling side
     * passes on in the message and the remote descriptions.
     */
    static boolean isStreamClash(Throwable cause) {
        if (cause instanceof AggregateStreamCreationException || cause instanceof ConcurrencyException) {
            return true;
        }
        if (!(cause instanceof CommandExecutionException remote)
                || remote.getDetails().filter(Refusal.class::isInstance).isPresent()) {
            return false;
        }
        for (Throwable t = remote; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || namesInvalidSequence(t.getMessage())) {
                return true;
            }
            if (t instanceof RemoteHandlingException handling
                    && handling.getExceptionDescriptions().stream().anyMatch(CommandSender::namesInvalidSequence)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesInvalidSequence(String message) {
        return message != null && message.contains(INVALID_EVENT_SEQUENCE);
    }

    private String headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? null : ConsistencyToken.format(head.position().orElse(0));
    }

    /**
     * The outcome of a command, the consistency token of its write and the version its aggregate
     * reached (the sequence number of the last event it appended).
     */
    public record Sent<R>(R result, String consistencyToken, Long version) {
        public Sent(R result, String consistencyToken) {
            this(result, consistencyToken, null);
        }

        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            if (consistencyToken != null) {
                headers.set(ConsistencyToken.HEADER, consistencyToken);
            }
            if (version != null) {
                headers.setETag("\"" + version + "\"");
            }
            return headers;
        }
    }
}

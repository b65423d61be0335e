package de.ikz.ledger.query.deadletter;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.platform.web.LedgerProblemException;
import de.ikz.ledger.query.processing.ViewProcessors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The events the view processors parked: an event a view failed on, with the later events of its
 * aggregate behind it. Lists them, and retries them once the cause is fixed: a sequence whose events
 * all succeed leaves the queue, one that fails again stays, with the new cause.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** One parked event. */
    public record Letter(
            String processingGroup,
            String eventId,
            String type,
            String aggregateId,
            Long sequence,
            Instant recordedAt,
            Instant enqueuedAt,
            Instant lastTouched,
            String causeType,
            String causeMessage) {}

    /** Every parked event of every view processor, sequence by sequence in order. */
    public record Listing(long total, List<Letter> items) {}

    /** What a retry did. */
    public record Retry(String processingGroup, int sequencesRetried, int sequencesProcessed, long lettersLeft) {}

    public Listing list() {
        List<Letter> items = new ArrayList<>();
        for (String group : ViewProcessors.ALL) {
            queue(group).ifPresent(queue -> {
                for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                    for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                        items.add(letter(group, letter));
                    }
                }
            });
        }
        return new Listing(items.size(), items);
    }

    /** Retries every parked sequence of the processing group once. */
    public Retry retry(String group) {
        if (!ViewProcessors.ALL.contains(group)) {
            throw new LedgerProblemException(ErrorCode.RESOURCE_NOT_FOUND, "No processing group " + group + ".");
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group).orElseThrow();
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(group).orElseThrow();
        List<String> firstEvents = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                firstEvents.add(letter.message().getIdentifier());
                break;
            }
        }
        int processed = 0;
        for (String first : firstEvents) {
            if (processor.process(letter -> letter.message().getIdentifier().equals(first))) {
                processed++;
            }
        }
        long left = queue.size();
        log.info(
                "Retried {} parked sequences of {}: {} processed, {} events still parked",
                firstEvents.size(),
                group,
                processed,
                left);
        return new Retry(group, firstEvents.size(), processed, left);
    }

    private java.util.Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
        return processing.deadLetterQueue(group);
    }

    private static Letter letter(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String aggregateId = null;
        Long sequence = null;
        if (message instanceof DomainEventMessage<?> event) {
            aggregateId = event.getAggregateIdentifier();
            sequence = event.getSequenceNumber();
        }
        return new Letter(
                group,
                message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                aggregateId,
                sequence,
                message.getTimestamp(),
                letter.enqueuedAt(),
                letter.lastTouched(),
                letter.cause().map(c -> c.type()).orElse(null),
                letter.cause().map(c -> c.message()).orElse(null));
    }
}

package de.ikz.ledger.api;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event as integrators and auditors see it.
 *
 * @param position the event's position in the store, across all streams (the feed's cursor)
 * @param type the simple name of the event, e.g. {@code AgreementSigned}
 * @param revision the revision of the event's shape
 * @param aggregateId the stream (partner or agreement) the event belongs to
 * @param sequence the event's number within its stream, from 0
 * @param recordedAt when the event was recorded
 * @param payload the event's fields, as in the published language
 * @param metadata {@code actor}, {@code correlationId}, {@code command}, {@code hash} and the rest
 */
public record EventEnvelope(
        Long position,
        String eventId,
        String type,
        String revision,
        String aggregateId,
        Long sequence,
        Instant recordedAt,
        Object payload,
        Map<String, Object> metadata) {}

package de.ikz.ledger.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ikz.ledger.api.PublishedJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * The tamper-evident chain of an aggregate's events: each event's metadata carries {@code hash}
 * = SHA-256 over the previous event's hash and everything recorded about this event (stream,
 * position, id, time, payload type, revision and the payload bytes as stored, and the other
 * metadata). Changing, inserting or removing an event breaks every hash after it.
 */
public final class EventHashChain {

    /** Metadata key of an event's chain hash. */
    public static final String HASH = "hash";

    /** The "previous hash" of an aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper METADATA_JSON = PublishedJson.storedMessageMapper();

    private final Serializer serializer;

    public EventHashChain(Serializer serializer) {
        this.serializer = serializer;
    }

    /** The hash of an event about to be stored, serialized as the event store will store it. */
    public String hash(String previousHash, DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        return hash(
                previousHash,
                new HashedFields(
                        event.getAggregateIdentifier(),
                        event.getSequenceNumber(),
                        event.getIdentifier(),
                        event.getTimestamp().toEpochMilli(),
                        payload.getType().getName(),
                        payload.getType().getRevision(),
                        payload.getData(),
                        event.getMetaData()));
    }

    /** The hash of an event as it was recorded. */
    public static String hash(String previousHash, HashedFields event) {
        Map<String, Object> metadata = new TreeMap<>(event.metadata());
        metadata.remove(HASH);
        MessageDigest sha256 = sha256();
        update(sha256, previousHash);
        update(sha256, event.aggregateId());
        update(sha256, Long.toString(event.sequenceNumber()));
        update(sha256, event.eventId());
        update(sha256, Long.toString(event.timestampMillis()));
        update(sha256, event.payloadType());
        update(sha256, String.valueOf(event.payloadRevision()));
        sha256.update(event.payload());
        sha256.update((byte) '\n');
        update(sha256, json(metadata));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The hash recorded in the metadata, or {@code null}. */
    public static String recordedHash(Map<String, ?> metadata) {
        Object hash = metadata.get(HASH);
        return hash == null ? null : hash.toString();
    }

    /**
     * What the hash covers. The time counts in milliseconds, the precision every event store
     * keeps; the payload as the serialized bytes that are stored.
     */
    public record HashedFields(
            String aggregateId,
            long sequenceNumber,
            String eventId,
            long timestampMillis,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            Map<String, ?> metadata) {}

    private static void update(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    private static String json(Map<String, Object> metadata) {
        try {
            return METADATA_JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata cannot be written as JSON", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

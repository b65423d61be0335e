package de.ikz.ledger.command.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ikz.ledger.api.PublishedJson;
import de.ikz.ledger.platform.audit.ChainAnchors;
import de.ikz.ledger.platform.audit.ChainAnchors.Anchor;
import de.ikz.ledger.platform.audit.EventChainVerifier;
import de.ikz.ledger.platform.audit.EventHashChain;
import de.ikz.ledger.platform.audit.EventHashChain.HashedFields;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Verifies the chains over the rows exactly as stored (payload and metadata bytes), so that an
 * edit made directly in the database is found even where deserialization would hide it.
 */
class JdbcEventChainVerifier implements EventChainVerifier {

    private static final ObjectMapper JSON = PublishedJson.storedMessageMapper();
    private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {};
    private static final int PROGRESS_EVERY = 10_000;

    private final JdbcTemplate jdbc;
    private final ChainAnchors anchors;

    JdbcEventChainVerifier(JdbcTemplate jdbc, ChainAnchors anchors) {
        this.jdbc = jdbc;
        this.anchors = anchors;
    }

    @Override
    public ChainReport verify(LongConsumer progress) {
        Walk walk = new Walk(progress);
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "SELECT globalIndex, aggregateIdentifier, sequenceNumber, eventIdentifier, timeStamp,"
                                    + " payloadType, payloadRevision, payload, metaData"
                                    + " FROM DomainEventEntry ORDER BY globalIndex");
                    statement.setFetchSize(1000);
                    return statement;
                },
                walk::row);
        try (Stream<Anchor> all = anchors.all()) {
            all.forEach(walk::anchor);
        }
        walk.unanchoredChains();
        progress.accept(walk.checked);
        return new ChainReport(walk.checked, walk.firstBroken == null, walk.firstBroken);
    }

    private static final class Walk {
        private final LongConsumer progress;
        private final Map<String, Anchor> heads = new HashMap<>();
        private final Map<String, Boolean> anchored = new HashMap<>();
        private long checked;
        private BrokenEvent firstBroken;

        Walk(LongConsumer progress) {
            this.progress = progress;
        }

        void row(ResultSet rs) throws SQLException {
            long position = rs.getLong("globalIndex");
            String aggregateId = rs.getString("aggregateIdentifier");
            long sequence = rs.getLong("sequenceNumber");
            String eventId = rs.getString("eventIdentifier");
            checked++;
            if (checked % PROGRESS_EVERY == 0) {
                progress.accept(checked);
            }
            Anchor previous = heads.get(aggregateId);
            long expected = previous == null ? 0 : previous.sequenceNumber() + 1;
            String previousHash = previous == null ? EventHashChain.GENESIS : previous.hash();
            String computed;
            Map<String, Object> metadata;
            try {
                metadata = JSON.readValue(rs.getBytes("metaData"), METADATA);
                computed = EventHashChain.hash(
                        previousHash,
                        new HashedFields(
                                aggregateId,
                                sequence,
                                eventId,
                                Instant.parse(rs.getString("timeStamp")).toEpochMilli(),
                                rs.getString("payloadType"),
                                rs.getString("payloadRevision"),
                                rs.getBytes("payload"),
                                metadata));
            } catch (IOException | RuntimeException unreadable) {
                broken(position, eventId, aggregateId, sequence, "the stored event cannot be read: " + unreadable);
                heads.put(aggregateId, new Anchor(aggregateId, sequence, "unreadable"));
                return;
            }
            String recorded = EventHashChain.recordedHash(metadata);
            if (sequence != expected) {
                broken(position, eventId, aggregateId, sequence, "expected sequence " + expected + " of the stream");
            } else if (recorded == null) {
                broken(position, eventId, aggregateId, sequence, "the event carries no hash");
            } else if (!recorded.equals(computed)) {
                broken(position, eventId, aggregateId, sequence, "the event differs from what was recorded");
            }
            // go on from the recorded hash, so that one altered event is reported once
            heads.put(aggregateId, new Anchor(aggregateId, sequence, recorded == null ? computed : recorded));
        }

        void anchor(Anchor anchor) {
            Anchor head = heads.get(anchor.aggregateId());
            anchored.put(anchor.aggregateId(), true);
            if (head == null) {
                broken(
                        null,
                        null,
                        anchor.aggregateId(),
                        0,
                        "the stream is missing; its anchor is at " + anchor.sequenceNumber());
            } else if (head.sequenceNumber() != anchor.sequenceNumber()) {
                broken(
                        null,
                        null,
                        anchor.aggregateId(),
                        head.sequenceNumber() + 1,
                        "the stream ends at " + head.sequenceNumber() + " but its anchor is at "
                                + anchor.sequenceNumber());
            } else if (!head.hash().equals(anchor.hash())) {
                broken(
                        null,
                        null,
                        anchor.aggregateId(),
                        head.sequenceNumber(),
                        "the last event does not match the anchor");
            }
        }

        void unanchoredChains() {
            heads.keySet().stream()
                    .filter(id -> !anchored.containsKey(id))
                    .sorted()
                    .findFirst()
                    .ifPresent(id -> broken(null, null, id, 0, "the stream has no anchor"));
        }

        private void broken(Long position, String eventId, String aggregateId, long sequence, String reason) {
            if (firstBroken == null) {
                firstBroken = new BrokenEvent(position, eventId, aggregateId, sequence, reason);
            }
        }
    }
}

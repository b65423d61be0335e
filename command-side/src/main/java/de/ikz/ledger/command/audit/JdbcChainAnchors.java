package de.ikz.ledger.command.audit;

import de.ikz.ledger.platform.audit.ChainAnchors;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Chain anchors in the event store's own database, written in the same transaction as the events. */
class JdbcChainAnchors implements ChainAnchors {

    private static final RowMapper<Anchor> ROW = (rs, i) ->
            new Anchor(rs.getString("aggregateIdentifier"), rs.getLong("sequenceNumber"), rs.getString("hash"));

    private final JdbcTemplate jdbc;

    JdbcChainAnchors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Anchor> head(String aggregateId) {
        return jdbc
                .query(
                        "SELECT aggregateIdentifier, sequenceNumber, hash FROM ChainAnchor WHERE aggregateIdentifier = ?",
                        ROW,
                        aggregateId)
                .stream()
                .findFirst();
    }

    /**
     * Moves the anchor one event on. A stream that exists already, or an anchor that another writer
     * moved first, is a conflict of the same kind the event store reports for the events themselves.
     */
    @Override
    public void advance(Anchor anchor) {
        if (anchor.sequenceNumber() == 0) {
            if (head(anchor.aggregateId()).isPresent()) {
                throw new AggregateStreamCreationException(
                        "A stream with id " + anchor.aggregateId() + " exists already.");
            }
            jdbc.update(
                    "INSERT INTO ChainAnchor (aggregateIdentifier, sequenceNumber, hash) VALUES (?, ?, ?)",
                    anchor.aggregateId(),
                    anchor.sequenceNumber(),
                    anchor.hash());
            return;
        }
        int updated = jdbc.update(
                "UPDATE ChainAnchor SET sequenceNumber = ?, hash = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                anchor.sequenceNumber(),
                anchor.hash(),
                anchor.aggregateId(),
                anchor.sequenceNumber() - 1);
        if (updated == 0) {
            throw new ConcurrencyException(
                    "The stream " + anchor.aggregateId() + " moved past " + (anchor.sequenceNumber() - 1) + ".");
        }
    }

    @Override
    public Stream<Anchor> all() {
        return jdbc.queryForStream("SELECT aggregateIdentifier, sequenceNumber, hash FROM ChainAnchor", ROW);
    }
}

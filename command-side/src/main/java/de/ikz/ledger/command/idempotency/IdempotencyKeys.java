package de.ikz.ledger.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The idempotency keys of the command API in the command side's database, keyed by actor and key:
 * the hash of the request a key was first used with and, once it is known, the answer to it.
 */
class IdempotencyKeys {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Duration retention;

    IdempotencyKeys(JdbcTemplate jdbc, ObjectMapper json, Duration retention) {
        this.jdbc = jdbc;
        this.json = json;
        this.retention = retention;
    }

    /** A key as stored; {@code status} is {@code null} until the answer is stored. */
    record Stored(String requestHash, Instant createdAt, Integer status, Map<String, String> headers, byte[] body) {
        boolean answered() {
            return status != null;
        }
    }

    /** The key of this actor, unless it is unknown or older than the retention (then it is forgotten). */
    Optional<Stored> find(String actor, String key, Instant now) {
        Optional<Stored> stored = jdbc
                .query(
                        "SELECT requestHash, createdAt, status, headers, body FROM IdempotencyKey"
                                + " WHERE actor = ? AND idempotencyKey = ?",
                        (rs, i) -> new Stored(
                                rs.getString("requestHash"),
                                Instant.ofEpochMilli(rs.getLong("createdAt")),
                                (Integer) rs.getObject("status"),
                                headers(rs.getString("headers")),
                                rs.getBytes("body")),
                        actor,
                        key)
                .stream()
                .findFirst();
        if (stored.isPresent() && stored.get().createdAt().isBefore(now.minus(retention))) {
            jdbc.update("DELETE FROM IdempotencyKey WHERE actor = ? AND idempotencyKey = ?", actor, key);
            return Optional.empty();
        }
        return stored;
    }

    /**
     * Reserves the key in the current transaction (the command's).
     *
     * @throws org.springframework.dao.DuplicateKeyException when another request holds it
     */
    void reserve(String actor, String key, String requestHash, Instant now) {
        jdbc.update(
                "INSERT INTO IdempotencyKey (actor, idempotencyKey, requestHash, createdAt) VALUES (?, ?, ?, ?)",
                actor,
                key,
                requestHash,
                now.toEpochMilli());
    }

    /** Stores the answer of the request that reserved the key. */
    void answer(String actor, String key, int status, Map<String, String> headers, byte[] body) {
        try {
            jdbc.update(
                    "UPDATE IdempotencyKey SET status = ?, headers = ?, body = ? WHERE actor = ? AND idempotencyKey = ?",
                    status,
                    json.writeValueAsString(headers),
                    body,
                    actor,
                    key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets keys older than the retention. */
    int purge(Instant now) {
        return jdbc.update(
                "DELETE FROM IdempotencyKey WHERE createdAt < ?",
                now.minus(retention).toEpochMilli());
    }

    private Map<String, String> headers(String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return json.readValue(stored, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

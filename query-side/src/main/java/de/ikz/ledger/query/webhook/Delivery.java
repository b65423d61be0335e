package de.ikz.ledger.query.webhook;

import java.time.Instant;

/**
 * One event for one subscription, as stored in {@code webhook_deliveries}; its id is the
 * subscription's id and the event's position, so opening it twice yields the same delivery.
 *
 * @param body the envelope exactly as it is sent and signed, the same for every attempt
 * @param redelivery whether it was delivered or parked before and is sent again on request, outside
 *     the subscription's order
 * @param nextAttemptAt when a pending delivery is tried next (epoch milliseconds)
 * @param lastStatus the receiver's HTTP status at the last attempt, if it answered
 */
record Delivery(
        String id,
        String webhookId,
        long position,
        String eventId,
        String type,
        String body,
        Status status,
        boolean redelivery,
        int attempts,
        Long nextAttemptAt,
        Instant lastAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant deliveredAt) {

    enum Status {
        /** Waiting for its (next) attempt. */
        PENDING,
        /** A receiver answered 2xx. */
        DELIVERED,
        /** Every attempt failed; parked, the subscription went on with the next event. */
        DEAD_LETTER
    }

    static String idOf(String webhookId, long position) {
        return webhookId + "-" + position;
    }

    boolean isTerminal() {
        return status != Status.PENDING;
    }
}

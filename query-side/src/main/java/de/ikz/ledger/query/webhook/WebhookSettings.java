package de.ikz.ledger.query.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the webhook deliveries ({@code ikz.webhooks.*}).
 *
 * @param enabled whether this process delivers; subscriptions are served either way
 * @param maxAttempts attempts of one delivery before it is parked as a dead letter
 * @param backoffBase wait after the first failed attempt; it doubles with every further one
 * @param backoffMax the longest wait between two attempts
 * @param threads deliveries running at the same time (each subscription delivers one at a time)
 * @param pollInterval how often the worker looks for new events and due retries
 * @param connectTimeout longest wait for a receiver to accept the connection
 * @param readTimeout longest wait for a receiver's answer
 * @param lease how long a process owns a subscription's deliveries without renewing its claim;
 *     another process (a query-side replica) takes over after it
 * @param keepDelivered how long delivered deliveries are listed; dead letters are kept until
 *     redelivered or their subscription is deleted
 */
@ConfigurationProperties("ikz.webhooks")
public record WebhookSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1s") Duration backoffBase,
        @DefaultValue("5m") Duration backoffMax,
        @DefaultValue("4") int threads,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("7d") Duration keepDelivered) {

    public WebhookSettings {
        require(maxAttempts >= 1, "ikz.webhooks.max-attempts must be at least 1");
        require(positive(backoffBase), "ikz.webhooks.backoff-base must be positive");
        require(
                positive(backoffMax) && backoffMax.compareTo(backoffBase) >= 0,
                "ikz.webhooks.backoff-max must be at least ikz.webhooks.backoff-base");
        require(threads >= 1, "ikz.webhooks.threads must be at least 1");
        require(positive(pollInterval), "ikz.webhooks.poll-interval must be positive");
        require(positive(connectTimeout), "ikz.webhooks.connect-timeout must be positive");
        require(positive(readTimeout), "ikz.webhooks.read-timeout must be positive");
        require(
                positive(lease) && lease.compareTo(connectTimeout.plus(readTimeout)) > 0,
                "ikz.webhooks.lease must be longer than connect-timeout and read-timeout together");
        require(positive(keepDelivered), "ikz.webhooks.keep-delivered must be positive");
    }

    /** The wait after the {@code attempt}th failed attempt (from 1): base, doubled each time, capped. */
    public Duration backoff(int attempt) {
        Duration wait = backoffBase;
        for (int i = 1; i < attempt && wait.compareTo(backoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}

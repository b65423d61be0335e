package de.ikz.ledger.query.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event feed and the live stream ({@code ikz.events.*}).
 *
 * @param maxScan the most events one page reads from the store, whatever its filter matches, so that
 *     a sparse filter cannot make one request read the whole store; a page scans at most ten times
 *     its limit, and never more than this
 * @param heartbeat how often an idle live stream sends a comment, so that proxies keep it open and a
 *     client that went away is noticed
 * @param maxStreams the most live streams open at a time; more are answered {@code 503}
 * @param streamBuffer the most events a live stream holds in memory at a time (one page)
 * @param pollInterval how often waiting streams and the webhook worker look for events stored by
 *     another process (events stored by this process wake them at once)
 * @param gapWait how long events behind a position that is taken but not yet committed (a write in
 *     flight) are held back, from when this process first noticed it, before the position counts as
 *     rolled back
 * @param streamTimeout how long a live stream stays open; the client then reconnects with {@code
 *     Last-Event-ID}
 */
@ConfigurationProperties("ikz.events")
public record FeedSettings(
        @DefaultValue("10000") int maxScan,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("100") int maxStreams,
        @DefaultValue("256") int streamBuffer,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("10s") Duration gapWait,
        @DefaultValue("1h") Duration streamTimeout) {

    public FeedSettings {
        require(maxScan >= EventFeed.MAX_LIMIT, "ikz.events.max-scan must be at least " + EventFeed.MAX_LIMIT);
        require(positive(heartbeat), "ikz.events.heartbeat must be positive");
        require(maxStreams >= 1, "ikz.events.max-streams must be at least 1");
        require(streamBuffer >= 1 && streamBuffer <= EventFeed.MAX_LIMIT, "ikz.events.stream-buffer must be 1 to 1000");
        require(positive(pollInterval), "ikz.events.poll-interval must be positive");
        require(gapWait != null && !gapWait.isNegative(), "ikz.events.gap-wait must not be negative");
        require(positive(streamTimeout), "ikz.events.stream-timeout must be positive");
    }

    /** How many events a page with this limit may read from the store. */
    public int scanBudget(int limit) {
        return (int) Math.max(limit, Math.min((long) limit * 10, maxScan));
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

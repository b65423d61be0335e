package de.ikz.ledger.query.replay;

import java.time.Instant;

/**
 * A rebuild of every view from the event store, and how far it got.
 *
 * @param generation the generation of view collections it builds
 * @param eventsTotal the events it has to read (the store's head when it started, plus those it
 *     caught up with at the end)
 * @param eventsPerSecond the rate so far
 * @param secondsLeft the estimated time left, or {@code null} when unknown or done
 * @param resumedFrom the replay an interruption (a crash) cut short, which this one redoes
 */
public record ReplayJob(
        String id,
        Status status,
        String requestedBy,
        long generation,
        long eventsTotal,
        long eventsProcessed,
        long eventsPerSecond,
        Long secondsLeft,
        Instant startedAt,
        Instant finishedAt,
        String error,
        String resumedFrom) {

    /** Where a replay stands. */
    public enum Status {
        RUNNING,
        COMPLETED,
        FAILED,
        INTERRUPTED
    }

    ReplayJob progressed(long processed, long total, Instant now) {
        long seconds = Math.max(1, now.getEpochSecond() - startedAt.getEpochSecond());
        long millis = Math.max(1, now.toEpochMilli() - startedAt.toEpochMilli());
        long rate = processed * 1000 / millis;
        Long left = rate == 0 ? null : Math.max(0, (total - processed) / Math.max(1, rate));
        return new ReplayJob(
                id,
                status,
                requestedBy,
                generation,
                total,
                processed,
                seconds > 0 ? rate : 0,
                left,
                startedAt,
                finishedAt,
                error,
                resumedFrom);
    }

    ReplayJob ended(Status outcome, Instant now, String failure) {
        return new ReplayJob(
                id,
                outcome,
                requestedBy,
                generation,
                outcome == Status.COMPLETED ? eventsProcessed : eventsTotal,
                eventsProcessed,
                eventsPerSecond,
                outcome == Status.COMPLETED ? Long.valueOf(0) : null,
                startedAt,
                now,
                failure,
                resumedFrom);
    }
}

package de.ikz.ledger.command.domain;

import de.ikz.ledger.api.ErrorCode;

/**
 * Optimistic concurrency: a command that names the version it was decided on (the sequence number of
 * the last event its sender had seen, sent as {@code If-Match}) applies only while the stream is still
 * there. Without an expected version every command applies.
 *
 * @param expected the version the sender expects, or {@code null}
 * @param actual the version of the loaded aggregate: the sequence number of its last event
 */
public record VersionMatches(Long expected, Long actual) implements BusinessRule {

    /** Metadata of a command naming the version it expects. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    @Override
    public boolean isBroken() {
        return expected != null && !expected.equals(actual);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.PRECONDITION_FAILED;
    }

    @Override
    public String detail() {
        return "The stream is at version " + actual + ", not at " + expected + " as named in If-Match.";
    }
}

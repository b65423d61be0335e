package de.ikz.ledger.platform.consistency;

import java.util.OptionalLong;

/**
 * Read-your-writes across the two sides: a command answers with the event store position its
 * events reached ({@code X-Consistency-Token}); a query that sends it back waits until the views
 * have processed that position.
 */
public final class ConsistencyToken {

    public static final String HEADER = "X-Consistency-Token";

    private ConsistencyToken() {}

    public static String format(long position) {
        return Long.toString(position);
    }

    /** The position in a token, or empty when the header is absent or not a token of ours. */
    public static OptionalLong parse(String header) {
        if (header == null || header.isBlank() || header.length() > 19) {
            return OptionalLong.empty();
        }
        try {
            long position = Long.parseLong(header.trim());
            return position < 0 ? OptionalLong.empty() : OptionalLong.of(position);
        } catch (NumberFormatException notOurs) {
            return OptionalLong.empty();
        }
    }
}

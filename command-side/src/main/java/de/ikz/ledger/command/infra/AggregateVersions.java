package de.ikz.ledger.command.infra;

import java.util.Map;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;

/**
 * Tells the sender of a command the version its aggregate reached: the sequence number of the last
 * event of the stream after the command, in the result's metadata {@value #AGGREGATE_VERSION} (the
 * {@code ETag} of the HTTP answer), in one JVM and through Axon Server alike.
 */
public final class AggregateVersions {

    /** Result metadata: the aggregate's version after the command. */
    public static final String AGGREGATE_VERSION = "aggregateVersion";

    private AggregateVersions() {}

    /** The result of a command handler, answered together with the version its aggregate reached. */
    public static CommandResultMessage<?> answer(Object result, Long version) {
        CommandResultMessage<?> message = GenericCommandResultMessage.asCommandResultMessage(result);
        return version == null ? message : message.andMetaData(Map.of(AGGREGATE_VERSION, version));
    }
}

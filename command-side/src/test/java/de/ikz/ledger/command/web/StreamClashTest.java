package de.ikz.ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.api.Refusal;
import io.axoniq.axonserver.grpc.ErrorMessage;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.util.ExceptionSerializer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.AxonException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/**
 * A clash on an event stream (the id exists already, or another writer appended first) is answered
 * with the conflict code of the command, whether the command was handled in this JVM or by a
 * command side on the other end of Axon Server. The remote cases are built the way the Axon Server
 * connector builds them: the handling side serializes its failure, the sending side turns the error
 * message back into an exception.
 */
class StreamClashTest {

    /** Axon Server refuses an append at a sequence number the stream has used already. */
    private static final StatusRuntimeException INVALID_SEQUENCE =
            new StatusRuntimeException(Status.OUT_OF_RANGE.withDescription(
                    "[AXONIQ-2000] Invalid sequence number 0 for aggregate saarbruecken, expected 1"));

    @Test
    void aClashInThisJvmIsAConflict() {
        assertThat(CommandSender.isStreamClash(new AggregateStreamCreationException("saarbruecken exists")))
                .isTrue();
        assertThat(CommandSender.isStreamClash(new ConcurrencyException("another writer was first")))
                .isTrue();
    }

    @Test
    void anAppendThatAxonServerRefusedIsAConflictOnTheSendingSide() {
        AxonException arrived = throughAxonServer(INVALID_SEQUENCE);

        assertThat(arrived).isInstanceOf(CommandExecutionException.class);
        assertThat(((CommandExecutionException) arrived).getDetails()).isEmpty();
        assertThat(CommandSender.isStreamClash(arrived)).isTrue();
    }

    @Test
    void theRefusedAppendIsFoundAlsoBehindTheExceptionsThatWrapIt() {
        AxonException arrived =
                throughAxonServer(new EventStoreException("The events were not stored", INVALID_SEQUENCE));

        assertThat(CommandSender.isStreamClash(arrived)).isTrue();
    }

    @Test
    void aConcurrencyConflictReportedByAxonServerItselfIsAConflict() {
        AxonException arrived = ErrorCode.CONCURRENCY_EXCEPTION.convert(
                ExceptionSerializer.serialize("command-side", new ConcurrencyException("another writer was first")),
                () -> null);

        assertThat(CommandSender.isStreamClash(arrived)).isTrue();
    }

    @Test
    void aRefusalIsNoClashItKeepsItsOwnCode() {
        CommandExecutionException refused = new CommandExecutionException(
                "Rule 2", null, new Refusal("AGREEMENT_ALREADY_SIGNED_BY_PARTY", "Rule 2"));

        assertThat(CommandSender.isStreamClash(refused)).isFalse();
    }

    @Test
    void anyOtherRemoteFailureIsNoClash() {
        assertThat(CommandSender.isStreamClash(throughAxonServer(new IllegalStateException("disk full"))))
                .isFalse();
        assertThat(CommandSender.isStreamClash(new IllegalStateException("[AXONIQ-2000] in a local message")))
                .isFalse();
    }

    /** What the sender of a command gets when the handling side failed with {@code failure}. */
    private static AxonException throughAxonServer(Throwable failure) {
        ErrorMessage error = ExceptionSerializer.serialize("command-side", failure);
        return ErrorCode.getCommandExecutionErrorCode(failure).convert(error, () -> null);
    }
}

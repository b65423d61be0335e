package de.ikz.ledger.benchmarks.load;

import de.ikz.ledger.benchmarks.apps.RunningApp;
import de.ikz.ledger.platform.axon.MessageMetadata;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Sends commands through Axon's {@link CommandGateway} with the metadata the HTTP API stamps on
 * them (actor, role, correlation id, command), so the stored events look the same.
 */
public final class InProcessCommands implements CommandPort {

    private final CommandGateway gateway;

    public InProcessCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void send(Object command) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MessageMetadata.ACTOR, RunningApp.USER);
        metadata.put(MessageMetadata.ACTOR_ROLE, "ADMIN");
        metadata.put(MessageMetadata.CORRELATION_ID, UUID.randomUUID().toString());
        metadata.put(MessageMetadata.COMMAND, command.getClass().getSimpleName());
        metadata.put(MessageMetadata.COMMAND_ID, message.getIdentifier());
        try {
            gateway.send(message.andMetaData(metadata)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            throw new IllegalStateException(
                    command.getClass().getSimpleName() + " failed: " + failed.getCause(), failed.getCause());
        } catch (TimeoutException slow) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " not answered within 60 s");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }
}

package de.ikz.ledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.ikz.ledger.platform.operations.LoggingDefaults;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class CorrelationLoggingTest {

    private static final Logger handlerLog = (Logger) LoggerFactory.getLogger("de.ikz.ledger.test.Handler");

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();

    record Register(String id) {}

    @BeforeEach
    void captureHandlerLog() {
        captured.start();
        handlerLog.addAppender(captured);
        commandBus.subscribe(Register.class.getName(), command -> {
            handlerLog.info("registering {}", ((Register) command.getPayload()).id());
            return MDC.get(CorrelationLogging.MDC_KEY);
        });
        commandBus.registerHandlerInterceptor(new CorrelationLogging());
    }

    @AfterEach
    void stop() {
        handlerLog.detachAppender(captured);
        otherThread.shutdownNow();
    }

    @Test
    void aLineLoggedWhileHandlingACommandOnAnotherThreadCarriesTheCommandsCorrelationId() throws Exception {
        CommandMessage<Register> command = GenericCommandMessage.<Register>asCommandMessage(new Register("iks"))
                .andMetaData(Map.of(MessageMetadata.CORRELATION_ID, "req-4711"));

        Object seenByHandler = CompletableFuture.supplyAsync(() -> dispatch(command), otherThread)
                .get(5, TimeUnit.SECONDS);

        assertThat(seenByHandler).isEqualTo("req-4711");
        assertThat(captured.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).isEqualTo("registering iks");
            assertThat(line.getMDCPropertyMap()).containsEntry("correlationId", "req-4711");
        });
        // the handling thread is left as it was found
        assertThat(otherThread.submit(() -> MDC.get("correlationId")).get()).isNull();
    }

    @Test
    void theCorrelationIdOfTheCallerIsRestoredAfterwards() {
        MDC.put(CorrelationLogging.MDC_KEY, "outer");
        try {
            dispatch(GenericCommandMessage.<Register>asCommandMessage(new Register("tsc"))
                    .andMetaData(Map.of(MessageMetadata.CORRELATION_ID, "inner")));

            assertThat(captured.list.get(0).getMDCPropertyMap()).containsEntry("correlationId", "inner");
            assertThat(MDC.get(CorrelationLogging.MDC_KEY)).isEqualTo("outer");
        } finally {
            MDC.clear();
        }
    }

    @Test
    void aCommandWithoutCorrelationIdLeavesTheLoggingContextAlone() {
        Object seen = dispatch(GenericCommandMessage.asCommandMessage(new Register("x")));

        assertThat(seen).isNull();
        assertThat(captured.list.get(0).getMDCPropertyMap()).doesNotContainKey("correlationId");
    }

    @Test
    void thePlainLogPatternShowsTheCorrelationIdOnlyWhereALineHasOne() {
        PatternLayout layout = new PatternLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.setPattern(LoggingDefaults.CORRELATION + "%m");
        layout.start();

        dispatch(GenericCommandMessage.<Register>asCommandMessage(new Register("iks"))
                .andMetaData(Map.of(MessageMetadata.CORRELATION_ID, "req-1")));
        dispatch(GenericCommandMessage.asCommandMessage(new Register("tsc")));

        assertThat(layout.doLayout(captured.list.get(0))).isEqualTo("[req-1] registering iks");
        assertThat(layout.doLayout(captured.list.get(1))).isEqualTo("registering tsc");
    }

    private Object dispatch(CommandMessage<?> command) {
        FutureCallback<Object, Object> result = new FutureCallback<>();
        commandBus.dispatch(command, result);
        return result.getResult().getPayload();
    }
}

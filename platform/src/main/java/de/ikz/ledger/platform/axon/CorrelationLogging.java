package de.ikz.ledger.platform.axon;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * Puts the correlation id of the message being handled into the logging context ({@code MDC}), so
 * that log lines written by a handler carry it on whatever thread the handler runs: a command
 * arriving through Axon Server, an event in a processor's thread. The previous value is restored
 * afterwards.
 */
public class CorrelationLogging implements MessageHandlerInterceptor<Message<?>> {

    /** The MDC key; the same one the HTTP layer uses. */
    public static final String MDC_KEY = MessageMetadata.CORRELATION_ID;

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object correlationId = unitOfWork.getMessage().getMetaData().get(MessageMetadata.CORRELATION_ID);
        if (correlationId == null) {
            return interceptorChain.proceed();
        }
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, correlationId.toString());
        try {
            return interceptorChain.proceed();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}

package de.ikz.ledger.command.infra;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.Refusal;
import de.ikz.ledger.api.partner.PartnerCommand;
import de.ikz.ledger.command.domain.RuleViolated;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Turns a refused command into a {@link CommandExecutionException} whose details carry the stable
 * code, so that the code reaches the HTTP layer unchanged, in one JVM and through Axon Server.
 */
public class RefusalInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RuleViolated violation) {
            throw refused(violation.code(), violation.getMessage());
        } catch (AggregateNotFoundException notFound) {
            boolean partner = unitOfWork.getMessage().getPayload() instanceof PartnerCommand;
            ErrorCode code = partner ? ErrorCode.PARTNER_NOT_FOUND : ErrorCode.AGREEMENT_NOT_FOUND;
            throw refused(
                    code, (partner ? "No partner '" : "No agreement '") + notFound.getAggregateIdentifier() + "'.");
        }
    }

    public static CommandExecutionException refused(ErrorCode code, String detail) {
        return new CommandExecutionException(detail, null, new Refusal(code.name(), detail));
    }
}

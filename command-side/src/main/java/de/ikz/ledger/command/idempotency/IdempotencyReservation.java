package de.ikz.ledger.command.idempotency;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.command.infra.RefusalInterceptor;
import de.ikz.ledger.platform.axon.MessageMetadata;
import java.time.Clock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Reserves a command's idempotency key in the command's own transaction, before the aggregate
 * decides: the key and the events commit together or not at all, so a key names at most one applied
 * command. A second command with a key that is reserved (or being reserved by a command still
 * running) is refused with {@code IDEMPOTENCY_KEY_IN_USE}; the HTTP layer then answers it with the
 * first one's answer.
 */
class IdempotencyReservation implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Command metadata: the client's key. */
    static final String KEY = "idempotencyKey";

    /** Command metadata: the hash of the request that carried the key. */
    static final String REQUEST_HASH = "idempotencyRequestHash";

    private final IdempotencyKeys keys;
    private final Clock clock;

    IdempotencyReservation(IdempotencyKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        MetaData metadata = unitOfWork.getMessage().getMetaData();
        Object key = metadata.get(KEY);
        Object actor = metadata.get(MessageMetadata.ACTOR);
        Object hash = metadata.get(REQUEST_HASH);
        if (key == null || actor == null || hash == null) {
            return chain.proceed();
        }
        try {
            keys.reserve(actor.toString(), key.toString(), hash.toString(), clock.instant());
        } catch (DuplicateKeyException | ConcurrencyFailureException taken) {
            throw RefusalInterceptor.refused(
                    ErrorCode.IDEMPOTENCY_KEY_IN_USE, "The Idempotency-Key " + key + " is taken by another request.");
        }
        return chain.proceed();
    }
}

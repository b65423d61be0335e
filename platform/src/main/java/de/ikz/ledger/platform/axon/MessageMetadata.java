package de.ikz.ledger.platform.axon;

import java.util.List;

/** Names of the metadata every stored event carries. */
public final class MessageMetadata {

    /** The authenticated user who sent the command. */
    public static final String ACTOR = "actor";
    /** The role the actor acted in. */
    public static final String ACTOR_ROLE = "actorRole";
    /** The partner a {@code PARTNER} account is bound to; absent for other roles. */
    public static final String ACTOR_PARTNER = "actorPartnerId";
    /** Ties together everything caused by one request; echoed in the {@code X-Correlation-Id} header. */
    public static final String CORRELATION_ID = "correlationId";
    /** The simple name of the command that caused the event. */
    public static final String COMMAND = "command";
    /** The message id of the command that caused the event. */
    public static final String COMMAND_ID = "commandId";

    static final List<String> PROPAGATED =
            List.of(ACTOR, ACTOR_ROLE, ACTOR_PARTNER, CORRELATION_ID, COMMAND, COMMAND_ID);

    private MessageMetadata() {}
}

package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The delegation was resumed on {@code on}. */
@Revision("1")
public record DelegationResumed(String agreementId, String delegationId, LocalDate on, String reason)
        implements DelegationEvent {}

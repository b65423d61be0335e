package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The delegation was suspended on {@code on}. */
@Revision("1")
public record DelegationSuspended(String agreementId, String delegationId, LocalDate on, String reason)
        implements DelegationEvent {}

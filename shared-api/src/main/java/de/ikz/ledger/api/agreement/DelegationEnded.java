package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The delegation ended on {@code on}. */
@Revision("1")
public record DelegationEnded(String agreementId, String delegationId, LocalDate on, String reason)
        implements DelegationEvent {}

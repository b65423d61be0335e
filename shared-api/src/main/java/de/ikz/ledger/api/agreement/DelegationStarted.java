package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The delegation started (or started already before the agreement was signed) on {@code startsOn}. */
@Revision("1")
public record DelegationStarted(String agreementId, String delegationId, LocalDate startsOn)
        implements DelegationEvent {}

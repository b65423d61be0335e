package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A planned delegation starts. */
public record StartDelegation(@TargetAggregateIdentifier String agreementId, String delegationId, LocalDate startsOn)
        implements AgreementCommand {}

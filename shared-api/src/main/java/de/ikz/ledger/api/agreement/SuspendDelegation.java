package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An active delegation is suspended. */
public record SuspendDelegation(
        @TargetAggregateIdentifier String agreementId, String delegationId, LocalDate on, String reason)
        implements AgreementCommand {}

package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A running delegation ends. */
public record EndDelegation(
        @TargetAggregateIdentifier String agreementId, String delegationId, LocalDate on, String reason)
        implements AgreementCommand {}

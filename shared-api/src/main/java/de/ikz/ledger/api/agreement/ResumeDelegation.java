package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A suspended delegation is resumed. */
public record ResumeDelegation(
        @TargetAggregateIdentifier String agreementId, String delegationId, LocalDate on, String reason)
        implements AgreementCommand {}

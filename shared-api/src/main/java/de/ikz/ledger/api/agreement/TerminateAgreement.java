package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Terminates the agreement with effect on a date; running delegations end on that date. */
public record TerminateAgreement(@TargetAggregateIdentifier String agreementId, LocalDate effectiveOn, String reason)
        implements AgreementCommand {}

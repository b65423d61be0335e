package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes title, subject or end of validity; {@code null} leaves a field as it is. */
public record AmendAgreement(
        @TargetAggregateIdentifier String agreementId,
        String title,
        String subject,
        LocalDate validUntil,
        String reason)
        implements AgreementCommand {}

package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A party signs the agreement through a named signatory. */
public record SignAgreement(
        @TargetAggregateIdentifier String agreementId,
        String partnerId,
        String signatoryName,
        String signatoryRole,
        LocalDate signedOn)
        implements AgreementCommand {}

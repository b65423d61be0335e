package de.ikz.ledger.api.agreement;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Books an amount on a delegation for one party and fiscal year. */
public record RecordCostEntry(
        @TargetAggregateIdentifier String agreementId,
        String delegationId,
        String entryId,
        String partnerId,
        int fiscalYear,
        CostKind kind,
        BigDecimal amount,
        String description)
        implements AgreementCommand {}

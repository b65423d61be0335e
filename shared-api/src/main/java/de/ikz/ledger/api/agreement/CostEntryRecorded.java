package de.ikz.ledger.api.agreement;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** An amount in euro (two fraction digits, written as a string) was booked for a party and fiscal year. */
@Revision("1")
public record CostEntryRecorded(
        String agreementId,
        String delegationId,
        String entryId,
        String partnerId,
        int fiscalYear,
        CostKind kind,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String description)
        implements DelegationEvent {}

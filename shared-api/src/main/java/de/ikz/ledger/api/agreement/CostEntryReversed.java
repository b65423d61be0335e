package de.ikz.ledger.api.agreement;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** A cost entry was reversed; the event repeats what it reverses so that consumers need no lookup. */
@Revision("1")
public record CostEntryReversed(
        String agreementId,
        String delegationId,
        String entryId,
        String partnerId,
        int fiscalYear,
        CostKind kind,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String reason)
        implements DelegationEvent {}

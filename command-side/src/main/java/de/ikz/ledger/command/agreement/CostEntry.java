package de.ikz.ledger.command.agreement;

import de.ikz.ledger.api.agreement.CostKind;
import java.math.BigDecimal;

/** A booked amount; entries are never edited, only reversed. */
record CostEntry(
        String entryId,
        String delegationId,
        String partnerId,
        int fiscalYear,
        CostKind kind,
        BigDecimal amount,
        boolean reversed) {

    CostEntry reversedEntry() {
        return new CostEntry(entryId, delegationId, partnerId, fiscalYear, kind, amount, true);
    }
}

package de.ikz.ledger.api.query;

import de.ikz.ledger.api.agreement.AgreementStatus;
import java.time.LocalDate;
import java.util.List;

/** An agreement with its status, validity, parties and delegations (cost entries left out). */
public record AgreementSummary(
        String id,
        String title,
        String subject,
        AgreementStatus status,
        LocalDate validFrom,
        LocalDate validUntil,
        LocalDate concludedOn,
        LocalDate terminatedOn,
        List<AgreementDetails.Party> parties,
        List<AgreementDetails.Delegation> delegations) {
    public AgreementSummary {
        parties = List.copyOf(parties);
        delegations = List.copyOf(delegations);
    }
}

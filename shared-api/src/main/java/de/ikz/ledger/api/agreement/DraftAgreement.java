package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Drafts a cooperation agreement between two or more parties. */
public record DraftAgreement(
        @TargetAggregateIdentifier String agreementId,
        String title,
        String subject,
        List<String> partyIds,
        LocalDate validFrom,
        LocalDate validUntil)
        implements AgreementCommand {
    public DraftAgreement {
        partyIds = List.copyOf(partyIds);
    }
}

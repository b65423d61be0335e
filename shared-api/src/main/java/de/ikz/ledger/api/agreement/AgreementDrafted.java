package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A cooperation agreement was drafted between the listed parties. */
@Revision("1")
public record AgreementDrafted(
        String agreementId,
        String title,
        String subject,
        List<String> partyIds,
        LocalDate validFrom,
        LocalDate validUntil)
        implements AgreementEvent {
    public AgreementDrafted {
        partyIds = List.copyOf(partyIds);
    }
}

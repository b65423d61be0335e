package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Title, subject or end of validity changed; a {@code null} field stayed as it was. */
@Revision("1")
public record AgreementAmended(String agreementId, String title, String subject, LocalDate validUntil, String reason)
        implements AgreementEvent {}

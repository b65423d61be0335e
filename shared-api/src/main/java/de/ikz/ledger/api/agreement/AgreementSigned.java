package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A party signed the agreement through a named signatory. */
@Revision("1")
public record AgreementSigned(
        String agreementId, String partnerId, String signatoryName, String signatoryRole, LocalDate signedOn)
        implements AgreementEvent {}

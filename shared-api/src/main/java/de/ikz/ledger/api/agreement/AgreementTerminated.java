package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The agreement was terminated with effect on {@code effectiveOn}. */
@Revision("1")
public record AgreementTerminated(String agreementId, LocalDate effectiveOn, String reason) implements AgreementEvent {}

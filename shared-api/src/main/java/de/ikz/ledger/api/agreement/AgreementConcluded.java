package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Every party has signed: the agreement is in force from {@code concludedOn} (the latest signature date). */
@Revision("1")
public record AgreementConcluded(String agreementId, LocalDate concludedOn) implements AgreementEvent {}

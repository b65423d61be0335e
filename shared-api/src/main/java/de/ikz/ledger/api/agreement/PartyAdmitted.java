package de.ikz.ledger.api.agreement;

import org.axonframework.serialization.Revision;

/** A further party was admitted to the agreement. */
@Revision("1")
public record PartyAdmitted(String agreementId, String partnerId) implements AgreementEvent {}

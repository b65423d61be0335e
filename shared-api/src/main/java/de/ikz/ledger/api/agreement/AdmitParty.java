package de.ikz.ledger.api.agreement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Admits a further party to an agreement; it must sign too. */
public record AdmitParty(@TargetAggregateIdentifier String agreementId, String partnerId) implements AgreementCommand {}

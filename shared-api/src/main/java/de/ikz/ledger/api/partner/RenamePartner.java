package de.ikz.ledger.api.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a partner a new name. */
public record RenamePartner(@TargetAggregateIdentifier String partnerId, String name) implements PartnerCommand {}

package de.ikz.ledger.api.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a public body (or an operating unit of one) under a slug id. */
public record RegisterPartner(
        @TargetAggregateIdentifier String partnerId, String name, PartnerKind kind, String officialKey, String parentId)
        implements PartnerCommand {}

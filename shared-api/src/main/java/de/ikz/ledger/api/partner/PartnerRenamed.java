package de.ikz.ledger.api.partner;

import org.axonframework.serialization.Revision;

/** A partner got a new name. */
@Revision("1")
public record PartnerRenamed(String partnerId, String name) implements PartnerEvent {}

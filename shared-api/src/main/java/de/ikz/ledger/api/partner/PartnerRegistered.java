package de.ikz.ledger.api.partner;

import org.axonframework.serialization.Revision;

/**
 * A public body was registered.
 *
 * @param officialKey the 12-digit Amtlicher Regionalschlüssel, or {@code null} where none exists
 * @param parentId the body an operating unit belongs to; {@code null} for every other kind
 */
@Revision("1")
public record PartnerRegistered(String partnerId, String name, PartnerKind kind, String officialKey, String parentId)
        implements PartnerEvent {}

package de.ikz.ledger.api.partner;

/** Facts about one partner. */
public sealed interface PartnerEvent permits PartnerRegistered, PartnerRenamed {
    String partnerId();
}

package de.ikz.ledger.api.partner;

/** Commands addressed to one partner. */
public sealed interface PartnerCommand permits RegisterPartner, RenamePartner {
    String partnerId();
}

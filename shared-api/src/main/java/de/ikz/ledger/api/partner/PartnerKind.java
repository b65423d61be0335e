package de.ikz.ledger.api.partner;

/** The kinds of public body that take part in cooperations. */
public enum PartnerKind {
    MUNICIPALITY,
    DISTRICT,
    STATE,
    ASSOCIATION,
    OPERATING_UNIT;

    /** Whether a body of this kind has legal personality and so can be a party to an agreement. */
    public boolean canBeParty() {
        return this != OPERATING_UNIT;
    }
}

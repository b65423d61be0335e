package de.ikz.ledger.api.query;

/** Whether a partner's entries on a delegation are those of its provider's party or of a consumer. */
public enum SavingsRole {
    PROVIDER,
    CONSUMER
}

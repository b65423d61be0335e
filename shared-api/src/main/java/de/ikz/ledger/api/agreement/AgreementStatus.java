package de.ikz.ledger.api.agreement;

/** Lifecycle of a cooperation agreement. */
public enum AgreementStatus {
    DRAFT,
    IN_FORCE,
    TERMINATED
}

package de.ikz.ledger.api.agreement;

/**
 * What a cost entry books: {@code BASELINE} is what the party would spend alone, {@code ACTUAL}
 * what it spends under the cooperation (fees paid included), {@code REVENUE} the fees it receives.
 */
public enum CostKind {
    BASELINE,
    ACTUAL,
    REVENUE
}

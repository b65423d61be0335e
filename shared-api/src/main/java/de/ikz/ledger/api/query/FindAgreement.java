package de.ikz.ledger.api.query;

/** One agreement with its parties, delegations and cost entries. Answers {@code Optional<AgreementDetails>}. */
public record FindAgreement(String agreementId) {}

package de.ikz.ledger.api.query;

/** Every agreement, ordered by id. Answers {@link AgreementList}. */
public record ListAgreements() {}

package de.ikz.ledger.api.query;

/** Every registered partner, ordered by id. Answers {@link PartnerList}. */
public record ListPartners() {}

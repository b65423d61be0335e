package de.ikz.ledger.api.query;

/** One partner as registered. Answers {@code Optional<PartnerSummary>}. */
public record FindPartner(String partnerId) {}

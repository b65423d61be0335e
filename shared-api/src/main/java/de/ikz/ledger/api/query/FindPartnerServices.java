package de.ikz.ledger.api.query;

/**
 * The services a partner provides and receives across all agreements. Answers {@code
 * Optional<PartnerServices>}; as a subscription query, updates are {@link PartnerServices}.
 */
public record FindPartnerServices(String partnerId) {}

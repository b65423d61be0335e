package de.ikz.ledger.api.query;

/**
 * What a partner saves per fiscal year and delegation. Answers {@code Optional<PartnerSavings>};
 * as a subscription query, updates are {@link PartnerSavings}.
 *
 * @param fiscalYear only this fiscal year, or {@code null} for every year
 */
public record FindPartnerSavings(String partnerId, Integer fiscalYear) {}

package de.ikz.ledger.api.query;

import java.util.List;

/**
 * What a partner saves, per fiscal year and delegation, over cost entries not reversed. Amounts
 * are strings with exactly two fraction digits; every total is the sum of its parts.
 */
public record PartnerSavings(String partnerId, String currency, List<Year> years, Amounts total) {
    public PartnerSavings {
        years = List.copyOf(years);
    }

    /** One fiscal year: its delegations and their sum. */
    public record Year(
            int fiscalYear,
            String baseline,
            String actual,
            String revenue,
            String savings,
            List<ServiceSavings> services) {
        public Year {
            services = List.copyOf(services);
        }
    }

    /** What one delegation saves the partner in one fiscal year. */
    public record ServiceSavings(
            String agreementId,
            String delegationId,
            String serviceCode,
            SavingsRole role,
            String baseline,
            String actual,
            String revenue,
            String savings) {}
}

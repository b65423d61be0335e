package de.ikz.ledger.api.query;

import java.util.List;

/**
 * What each partner saves and the sum over all of them.
 *
 * @param fiscalYear the fiscal year summed, or {@code null} when every year is
 * @param partners partners with at least one cost entry not reversed in the years summed, ordered by id
 */
public record SavingsTotals(String currency, Integer fiscalYear, List<PartnerTotal> partners, Amounts total) {
    public SavingsTotals {
        partners = List.copyOf(partners);
    }

    /** One partner's sums. */
    public record PartnerTotal(
            String partnerId, String name, String baseline, String actual, String revenue, String savings) {}
}

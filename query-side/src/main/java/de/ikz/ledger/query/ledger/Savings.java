package de.ikz.ledger.query.ledger;

import de.ikz.ledger.api.query.Amounts;
import de.ikz.ledger.api.query.PartnerSavings;
import de.ikz.ledger.api.query.SavingsTotals;
import de.ikz.ledger.query.ledger.PartnerContribution.CostLine;
import de.ikz.ledger.query.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Savings ({@code baseline - actual + revenue}) from partners' ledgers. Every total is computed as
 * the sum of the parts shown beneath it, in {@link java.math.BigDecimal}.
 */
public final class Savings {

    private Savings() {}

    /**
     * What one partner saves per fiscal year and delegation.
     *
     * @param fiscalYear only this fiscal year, or {@code null} for every year
     */
    public static PartnerSavings ofPartner(
            String partnerId, List<PartnerContribution> contributions, Integer fiscalYear) {
        Map<Integer, List<PartnerSavings.ServiceSavings>> services = new TreeMap<>();
        Map<Integer, Sum> sums = new TreeMap<>();
        for (PartnerContribution contribution : contributions) {
            for (CostLine line : contribution.costs()) {
                if (fiscalYear != null && line.fiscalYear() != fiscalYear) {
                    continue;
                }
                services.computeIfAbsent(line.fiscalYear(), y -> new ArrayList<>())
                        .add(serviceSavings(contribution.agreementId(), line));
                sums.merge(line.fiscalYear(), Sum.ZERO.plus(line), Sum::plus);
            }
        }
        List<PartnerSavings.Year> years = new ArrayList<>();
        Sum total = Sum.ZERO;
        for (Map.Entry<Integer, Sum> year : sums.entrySet()) {
            Amounts amounts = year.getValue().amounts();
            years.add(new PartnerSavings.Year(
                    year.getKey(),
                    amounts.baseline(),
                    amounts.actual(),
                    amounts.revenue(),
                    amounts.savings(),
                    services.get(year.getKey())));
            total = total.plus(year.getValue());
        }
        return new PartnerSavings(partnerId, Money.CURRENCY, years, total.amounts());
    }

    /**
     * What each partner saves, for partners with entries in the years summed, and the sum over them.
     *
     * @param ledgers contributions per partner, ordered by partner id
     * @param nameOf a partner's name, or {@code null} when it is not known
     * @param fiscalYear only this fiscal year, or {@code null} for every year
     */
    public static SavingsTotals totals(
            Map<String, List<PartnerContribution>> ledgers, Function<String, String> nameOf, Integer fiscalYear) {
        List<SavingsTotals.PartnerTotal> partners = new ArrayList<>();
        Sum total = Sum.ZERO;
        for (Map.Entry<String, List<PartnerContribution>> ledger : ledgers.entrySet()) {
            Sum sum = Sum.ZERO;
            boolean booked = false;
            for (PartnerContribution contribution : ledger.getValue()) {
                for (CostLine line : contribution.costs()) {
                    if (fiscalYear == null || line.fiscalYear() == fiscalYear) {
                        sum = sum.plus(line);
                        booked = true;
                    }
                }
            }
            if (booked) {
                Amounts amounts = sum.amounts();
                partners.add(new SavingsTotals.PartnerTotal(
                        ledger.getKey(),
                        nameOf.apply(ledger.getKey()),
                        amounts.baseline(),
                        amounts.actual(),
                        amounts.revenue(),
                        amounts.savings()));
                total = total.plus(sum);
            }
        }
        return new SavingsTotals(Money.CURRENCY, fiscalYear, partners, total.amounts());
    }

    private static PartnerSavings.ServiceSavings serviceSavings(String agreementId, CostLine line) {
        return new PartnerSavings.ServiceSavings(
                agreementId,
                line.delegationId(),
                line.serviceCode(),
                line.role(),
                Money.format(line.baseline()),
                Money.format(line.actual()),
                Money.format(line.revenue()),
                Money.format(line.savings()));
    }
}

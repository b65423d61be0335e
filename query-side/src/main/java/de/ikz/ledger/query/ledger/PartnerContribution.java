package de.ikz.ledger.query.ledger;

import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.query.SavingsRole;
import de.ikz.ledger.api.query.ServiceItem;
import de.ikz.ledger.query.agreement.AgreementView;
import de.ikz.ledger.query.agreement.AgreementView.CostEntry;
import de.ikz.ledger.query.agreement.AgreementView.Delegation;
import de.ikz.ledger.query.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one agreement contributes to one partner's ledger: the services the partner provides
 * (itself or through its operating units) and receives, and its cost entries not reversed, summed
 * per delegation, fiscal year and kind. Computed from the agreement view alone, so it can be
 * written again at any time with the same result.
 *
 * @param sequence the last sequence of the agreement stream this contribution reflects
 */
public record PartnerContribution(
        String agreementId,
        String partnerId,
        long sequence,
        List<ServiceItem> provided,
        List<ServiceItem> received,
        List<CostLine> costs) {

    public PartnerContribution {
        provided = List.copyOf(provided);
        received = List.copyOf(received);
        costs = List.copyOf(costs);
    }

    /** The contribution of {@code agreement} to every partner it touches, in order of appearance. */
    public static Map<String, PartnerContribution> of(AgreementView agreement, long sequence) {
        Map<String, PartnerContribution> contributions = new LinkedHashMap<>();
        for (String partnerId : agreement.touchedPartners()) {
            contributions.put(partnerId, of(agreement, partnerId, sequence));
        }
        return contributions;
    }

    /** The contribution of {@code agreement} to {@code partnerId}. */
    public static PartnerContribution of(AgreementView agreement, String partnerId, long sequence) {
        List<ServiceItem> provided = agreement.delegations().stream()
                .filter(d -> d.isProvidedBy(partnerId))
                .map(d -> serviceItem(agreement.id(), d))
                .toList();
        List<ServiceItem> received = agreement.delegations().stream()
                .filter(d -> d.isConsumedBy(partnerId))
                .map(d -> serviceItem(agreement.id(), d))
                .toList();
        return new PartnerContribution(
                agreement.id(), partnerId, sequence, provided, received, costLines(agreement, partnerId));
    }

    private static List<CostLine> costLines(AgreementView agreement, String partnerId) {
        Map<String, CostLine> lines = new LinkedHashMap<>();
        for (CostEntry entry : agreement.costEntries()) {
            if (entry.reversed() || !entry.partnerId().equals(partnerId)) {
                continue;
            }
            Delegation delegation = agreement.delegation(entry.delegationId()).orElse(null);
            String key = entry.fiscalYear() + "/" + entry.delegationId();
            CostLine line = lines.computeIfAbsent(key, k -> CostLine.empty(entry, delegation, partnerId));
            lines.put(key, line.plus(entry.kind(), entry.amount()));
        }
        List<String> delegationOrder =
                agreement.delegations().stream().map(Delegation::delegationId).toList();
        List<CostLine> sorted = new ArrayList<>(lines.values());
        sorted.sort(Comparator.comparingInt(CostLine::fiscalYear)
                .thenComparingInt(line -> delegationOrder.indexOf(line.delegationId())));
        return sorted;
    }

    private static ServiceItem serviceItem(String agreementId, Delegation d) {
        return new ServiceItem(
                agreementId,
                d.delegationId(),
                d.serviceCode(),
                d.serviceName(),
                d.leikaKey(),
                d.providerId(),
                d.consumerIds(),
                d.status(),
                d.startsOn(),
                d.endsOn());
    }

    /**
     * A partner's entries on one delegation in one fiscal year, summed per kind.
     *
     * @param role {@code PROVIDER} when the partner is (or owns) the provider, else {@code CONSUMER}
     */
    public record CostLine(
            String delegationId,
            String serviceCode,
            SavingsRole role,
            int fiscalYear,
            BigDecimal baseline,
            BigDecimal actual,
            BigDecimal revenue) {

        public CostLine {
            Objects.requireNonNull(baseline);
            Objects.requireNonNull(actual);
            Objects.requireNonNull(revenue);
        }

        static CostLine empty(CostEntry entry, Delegation delegation, String partnerId) {
            SavingsRole role = delegation != null && delegation.isProvidedBy(partnerId)
                    ? SavingsRole.PROVIDER
                    : SavingsRole.CONSUMER;
            return new CostLine(
                    entry.delegationId(),
                    delegation == null ? null : delegation.serviceCode(),
                    role,
                    entry.fiscalYear(),
                    Money.ZERO,
                    Money.ZERO,
                    Money.ZERO);
        }

        CostLine plus(CostKind kind, BigDecimal amount) {
            return switch (kind) {
                case BASELINE ->
                    new CostLine(delegationId, serviceCode, role, fiscalYear, baseline.add(amount), actual, revenue);
                case ACTUAL ->
                    new CostLine(delegationId, serviceCode, role, fiscalYear, baseline, actual.add(amount), revenue);
                case REVENUE ->
                    new CostLine(delegationId, serviceCode, role, fiscalYear, baseline, actual, revenue.add(amount));
            };
        }

        /** {@code baseline - actual + revenue}. */
        public BigDecimal savings() {
            return baseline.subtract(actual).add(revenue);
        }
    }
}
